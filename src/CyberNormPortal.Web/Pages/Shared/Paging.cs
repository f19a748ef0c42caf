namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>Which slice of a long list a page shows.</summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    public const int DefaultPageSize = 25;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public int FirstShown => Total == 0 ? 0 : Skip + 1;

    public int LastShown => Math.Min(Total, Skip + PageSize);

    /// <summary>Clamps a page number from the query string to a page that exists.</summary>
    public static Paging For(int? requestedPage, int total, int pageSize = DefaultPageSize)
    {
        var paging = new Paging(1, pageSize, total);
        return paging with { Page = Math.Clamp(requestedPage ?? 1, 1, paging.PageCount) };
    }
}
