using System.Collections.Concurrent;
using System.Net;
using AngleSharp;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CyberNormPortal.Web.IntegrationTests.Security;

public sealed class ErrorPageTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const string FailingPath = "/test/fail";
    private const string SecretDetail = "connection to 10.1.2.3 refused for user portal_admin";

    [Fact]
    public async Task FormWithoutAntiforgeryToken_Answers400WithAPageSayingWhatToDo()
    {
        using var browser = Portal.NewBrowser();

        var response = await browser.PostAsync("/account/sign-in", [new("Input.Email", "someone@example.org"), new("Input.Password", "x")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("go back, reload the page and send it again", response.Text, StringComparison.Ordinal);
        Assert.Contains(response.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task UnhandledException_ShowsAnApologyAndTheReferenceThatIsLoggedWithTheException(string method)
    {
        var log = new CapturedLog();
        await using var failing = Portal.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(log);
            services.AddSingleton<IStartupFilter, FailingEndpoint>();
        }));
        using var client = failing.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), FailingPath));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        // The request's summary names it; the framework's own report of the exception has it as its trace id.
        var logged = log.Events.Where(e => e.Exception?.Message == SecretDetail).ToList();
        var summary = Assert.Single(logged, e => e.Properties.ContainsKey("CorrelationId"));
        var correlationId = Assert.IsType<string>(Assert.IsType<ScalarValue>(summary.Properties["CorrelationId"]).Value);
        Assert.NotEmpty(correlationId);
        Assert.All(logged, e => Assert.True(
            e.Properties.TryGetValue("CorrelationId", out var id) ? Equals((id as ScalarValue)?.Value, correlationId) : e.TraceId?.ToHexString() == correlationId,
            $"Logged without the reference: {e.RenderMessage()}"));
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(body));
        Assert.Equal("Something went wrong", Text.Visible(page.QuerySelector("h1")));
        Assert.Contains(correlationId, Text.Visible(page.QuerySelector("main")));
        Assert.DoesNotContain(SecretDetail, body);
        Assert.DoesNotContain(nameof(InvalidOperationException), body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(".cs:line", body);
        response.AssertSecurityHeaders();
    }

    /// <summary>An endpoint of the test host only, after the portal's pipeline, that fails the way a bug would.</summary>
    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailingPath, failing => failing.Run(_ => throw new InvalidOperationException(SecretDetail)));
        };
    }

    private sealed class CapturedLog : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IEnumerable<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
