using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Entries;

/// <summary>The new-entry and edit forms: every mistake gets its message by its field, and nothing typed is lost.</summary>
public sealed class EntryFormTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task New_NothingFilledIn_EachRequiredFieldSaysWhatIsMissing()
    {
        await Portal.OpenCycleAsync();
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");

        var response = await contributor.SubmitAsync("/entries/new", new Dictionary<string, object?>
        {
            ["Input.CycleId"] = "",
            ["Input.Title"] = "",
            ["Command"] = "save",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Choose the norm this entry is about.", response.FieldError("Input.NormNumber"));
        Assert.Equal("Choose the reporting cycle.", response.FieldError("Input.CycleId"));
        Assert.Equal("Choose what kind of entry this is.", response.FieldError("Input.Kind"));
        Assert.Equal("Choose at least one practice category.", response.FieldError("Input.PracticeCategories"));
        Assert.Equal("Enter a title.", response.FieldError("Input.Title"));
        Assert.Equal("Enter a one-paragraph summary.", response.FieldError("Input.Summary"));
        Assert.Equal("Describe what was done in the body.", response.FieldError("Input.Body"));
        Assert.Equal("Choose who may read the entry (its TLP label).", response.FieldError("Input.Visibility"));
        Assert.Equal("true", response.Document.QuerySelector("#Input_Title")?.GetAttribute("aria-invalid"));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Entries.CountAsync(e => e.StateIso3 == "KEN")));
    }

    [Fact]
    public async Task New_SeveralProblems_TheSummaryListsThemInTheOrderOfTheFieldsOnThePage()
    {
        await Portal.OpenCycleAsync();
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");

        // Radio buttons and checkboxes left unchosen are not posted at all, so their errors are the last to reach
        // the model state; the title is posted too long, so its error comes from a later rule than "required" ones.
        var response = await contributor.SubmitAsync("/entries/new", new Dictionary<string, object?>
        {
            ["Input.CycleId"] = "",
            ["Input.Title"] = new string('t', FieldLengths.EntryTitle + 1),
            ["Input.References[0].Url"] = "not a web address",
            ["Command"] = "save",
        });

        var summary = response.ErrorSummary;
        Assert.True(summary.Count >= 8, string.Join("\n", summary));
        Assert.All(summary, item => Assert.True(item.FieldPosition >= 0, $"'{item.Message}' links to no field"));
        Assert.Equal(summary.Select(i => i.FieldPosition).Order(), summary.Select(i => i.FieldPosition));
        Assert.Equal("Choose the norm this entry is about.", summary[0].Message);
        Assert.Equal("Choose what kind of entry this is.", summary[2].Message);
    }

    [Fact]
    public async Task New_TooLongAndBadValues_ExplainedAndEverythingTypedKept()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var body = "Body text with *Markdown* that must survive.\n\nSecond paragraph.";

        var response = await contributor.SubmitAsync("/entries/new", new Dictionary<string, object?>
        {
            ["Input.NormNumber"] = "7",
            ["Input.CycleId"] = cycle.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(EntryKind.BestPractice),
            ["Input.PracticeCategories"] = new[] { nameof(PracticeCategory.Awareness) },
            ["Input.Title"] = new string('T', 201),
            ["Input.Summary"] = new string('S', 1001),
            ["Input.Body"] = body,
            ["Input.Visibility"] = nameof(TlpLabel.Green),
            ["Input.References[0].Title"] = "A law",
            ["Input.References[0].Url"] = "javascript:alert(1)",
            ["Input.References[1].Title"] = "",
            ["Input.References[1].Url"] = "https://example.org/law",
            ["Command"] = "save",
        });

        Assert.Equal("The title can have at most 200 characters.", response.FieldError("Input.Title"));
        Assert.Equal("The summary can have at most 1,000 characters.", response.FieldError("Input.Summary"));
        Assert.Equal("Enter a web address starting with http:// or https://.", response.FieldError("Input.References[0].Url"));
        Assert.Equal("Give the reference a title.", response.FieldError("Input.References[1].Title"));
        Assert.Null(response.FieldError("Input.Body"));
        Assert.Equal(body, response.InputValue("Input.Body")?.Replace("\r\n", "\n"));
        Assert.Equal(new string('T', 201), response.InputValue("Input.Title"));
        Assert.Equal("7", response.InputValue("Input.NormNumber"));
        Assert.Equal("javascript:alert(1)", response.InputValue("Input.References[0].Url"));
        Assert.NotNull(response.Document.QuerySelector("input[name='Input.Visibility'][value='Green'][checked]"));
        Assert.NotNull(response.Document.QuerySelector("input[name='Input.PracticeCategories'][value='Awareness'][checked]"));
    }

    [Fact]
    public async Task New_ClosedCycle_IsRefused()
    {
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var closed = await Portal.WithDbAsync(db => db.Cycles.Where(c => !c.IsOpen).Select(c => c.Id).FirstAsync());

        var response = await contributor.SubmitAsync("/entries/new", new Dictionary<string, object?>
        {
            ["Input.CycleId"] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Command"] = "save",
        });

        Assert.Equal("Choose a reporting cycle that is open for entries.", response.FieldError("Input.CycleId"));
    }

    [Fact]
    public async Task Preview_RendersTheMarkdownSanitisedAndKeepsTheText()
    {
        await Portal.OpenCycleAsync();
        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        const string Body = "**Bold step**\n\n<script>alert('x')</script>\n\n[link](javascript:alert(1)) <img src=x onerror=alert(1)>";

        var response = await contributor.SubmitAsync("/entries/new", new Dictionary<string, object?>
        {
            ["Input.Body"] = Body,
            ["Command"] = "preview",
        });

        var preview = response.Document.QuerySelector("#preview")!;
        Assert.Equal("Bold step", preview.QuerySelector("strong")?.TextContent);
        Assert.Empty(preview.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Empty(response.Document.QuerySelectorAll("main script"));
        Assert.Equal(Body, response.InputValue("Input.Body")?.Replace("\r\n", "\n"));
        Assert.Null(response.Document.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task Edit_TwoPeopleSaveAtOnce_TheSecondSeesWhatChangedAndKeepsTheirText()
    {
        var (first, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (second, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var id = await Portal.CreateEntryAsync(author, title: "Shared draft");
        var firstForm = await first.GetAsync($"/entries/{id}/edit");
        var secondForm = await second.GetAsync($"/entries/{id}/edit");

        var saved = await first.SubmitAsync(firstForm, new Dictionary<string, object?> { ["Input.Title"] = "Title chosen by the first", ["Command"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var conflict = await second.SubmitAsync(secondForm, new Dictionary<string, object?>
        {
            ["Input.Summary"] = "The second person's careful summary.",
            ["Command"] = "save",
        });

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains("changed this entry while you were editing it", conflict.Text);
        Assert.Contains("Title chosen by the first", conflict.Document.QuerySelector(".diff__line--added")?.TextContent);
        Assert.Equal("The second person's careful summary.", conflict.InputValue("Input.Summary"));
        Assert.Equal(2, await RevisionCountAsync(id));

        var again = await second.SubmitAsync(conflict, new Dictionary<string, object?> { ["Command"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var latest = await Portal.WithDbAsync(db => db.Revisions.Where(r => r.EntryId == id).OrderByDescending(r => r.Number).Select(r => r.Summary).FirstAsync());
        Assert.Equal("The second person's careful summary.", latest);
        Assert.Equal(3, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task Edit_EntryInReview_CannotBeEdited()
    {
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Submitted);

        var response = await contributor.GetAsync($"/entries/{id}/edit");
        var forced = await contributor.PostWithTokenAsync($"/entries/{id}/edit", [new("Input.Title", "Sneaky"), new("Command", "save")]);

        Assert.Equal($"/entries/{id}/review", response.RedirectPath);
        Assert.Contains("This entry is being reviewed, so it cannot be edited now.", (await contributor.FollowAsync(response)).Text);
        Assert.Equal(HttpStatusCode.Redirect, forced.Status);
        Assert.Equal(1, await RevisionCountAsync(id));
    }

    private Task<int> RevisionCountAsync(int id) => Portal.WithDbAsync(db => db.Revisions.CountAsync(r => r.EntryId == id));
}
