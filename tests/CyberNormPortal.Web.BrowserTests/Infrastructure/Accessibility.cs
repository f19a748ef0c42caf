using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe on the page as it stands and fails on any violation, whatever its impact (minor included).</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe on {page.Url}:\n" + string.Join('\n', violations));
    }

    /// <summary>Nothing wider than the viewport: the page reads without sideways scrolling.</summary>
    public static async Task AssertNoHorizontalScrollAsync(this IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the viewport.");
    }
}
