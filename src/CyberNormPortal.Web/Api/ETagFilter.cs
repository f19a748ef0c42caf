using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace CyberNormPortal.Web.Api;

/// <summary>
/// Gives every successful GET a strong ETag (a hash of the exact bytes sent) and answers 304 with no body when the
/// client already holds them, so pollers and mirrors cost one indexed query and no transfer. Public content only:
/// responses may be cached by anyone for a minute.
/// </summary>
internal sealed class ETagFilter : IEndpointFilter
{
    public const string CacheControl = "public, max-age=60";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || result is not IResult httpResult)
        {
            return result;
        }

        var response = http.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await httpResult.ExecuteAsync(http);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"");
            response.Headers.ETag = tag.ToString();
            response.Headers.CacheControl = CacheControl;
            if (http.Request.GetTypedHeaders().IfNoneMatch.Any(candidate =>
                    candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return Results.Empty;
            }
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }
}
