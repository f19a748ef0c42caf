using System.Net;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Capacity;

/// <summary>
/// Suggestions, interest, the secretariat's introduction and the following of a match, through HTTP as each person
/// would do it; the introduction mail read on a real SMTP server.
/// </summary>
public sealed class CapacityMatchTests(PortalFixture portal) : PortalTest(portal)
{
    private const string NeedTitle = "Senegal: training for the national CSIRT";
    private const string OfferTitle = "CSIRT training in French for West Africa";

    [Fact]
    public async Task Introduction_LeavesOnlyOnceBothSidesConsented_AsOneMailToBothSidesContacts()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var organisation = await Portal.NewOrganisationAsync("West African CERT network");
        var contact = await Portal.NewOrganisationContactAsync(organisation, "fr");
        var (senegal, senegalUser) = await Portal.SignInAsAsync(PortalRoles.Contributor, "SEN");
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var need = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN", norms: [10], languages: ["fr"], title: NeedTitle);
        var offer = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation, norms: [10], languages: ["fr"], title: OfferTitle);

        var interest = await senegal.SubmitAsync($"/capacity/{need}", formSelector: $"#interest-{offer}");
        Assert.Equal(HttpStatusCode.Redirect, interest.Status);
        var match = await Portal.WithDbAsync(db => db.CapacityMatches.Select(m => m.Id).SingleAsync());
        Assert.Equal($"/capacity/matches/{match}", interest.RedirectPath);

        // One side only: the secretariat is not offered the introduction, and a forged one is refused.
        var page = await moderator.GetAsync($"/capacity/matches/{match}");
        Assert.Null(page.Document.QuerySelector("#action-introduce"));
        var forged = await moderator.PostWithTokenAsync($"/capacity/matches/{match}", [new("action", "Introduce"), new("version", await VersionAsync(match))]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Contains("Both sides must express interest before the secretariat introduces them.", forged.Text);
        await DeliverAsync(smtp.Options());
        Assert.DoesNotContain(smtp.Received, IsIntroduction);
        var interestMail = Assert.Single(smtp.Received);
        Assert.Equal([contact.Email], interestMail.Recipients);
        Assert.Equal($"Intérêt pour « {OfferTitle} »", interestMail.Subject);
        Assert.Equal(MatchStatus.Open, await StatusAsync(match));

        using var organisationBrowser = await Portal.SignInAsync(contact);
        await organisationBrowser.SubmitAsync($"/capacity/{offer}", formSelector: $"#interest-{need}");
        await DeliverAsync(smtp.Options());
        Assert.DoesNotContain(smtp.Received, IsIntroduction);
        Assert.Contains(smtp.Received, m => m.Subject == $"Ready to introduce: \"{NeedTitle}\" and \"{OfferTitle}\"");

        var introduced = await moderator.SubmitAsync($"/capacity/matches/{match}", formSelector: "#action-introduce");
        Assert.Equal(HttpStatusCode.Redirect, introduced.Status);
        await DeliverAsync(smtp.Options());

        var mail = Assert.Single(smtp.Received, IsIntroduction);
        Assert.Equal(new[] { senegalUser.Email, contact.Email }.Order(), mail.Recipients.Order());
        Assert.Contains(NeedTitle, mail.Body);
        Assert.Contains(OfferTitle, mail.Body);
        Assert.Contains($"{senegalUser.DisplayName} <{senegalUser.Email}>", mail.Body);
        Assert.Contains($"{contact.DisplayName} <{contact.Email}>", mail.Body);
        Assert.Contains($"/en/capacity/{need}", mail.Body);
        Assert.Contains($"/fr/capacity/{offer}", mail.Body);
        // Two languages: the need side's (English) first, then French.
        Assert.True(mail.Body.IndexOf("Hello,", StringComparison.Ordinal) is >= 0 and var english
            && mail.Body.IndexOf("Bonjour,", StringComparison.Ordinal) > english, mail.Body);
        Assert.Equal(MatchStatus.InDiscussion, await StatusAsync(match));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.CapacityItems.CountAsync(i => i.MatchedAt != null)));
        var matched = await Portal.NewBrowser().GetAsync($"/capacity/{need}");
        Assert.Contains("Matched", matched.Text);
    }

    [Fact]
    public async Task OrganisationContact_CannotSeeAStatesSecretariatOnlyNeed_NorExpressInterestInItByAForgedPost()
    {
        var organisation = await Portal.NewOrganisationAsync("Foundation");
        var contact = await Portal.NewOrganisationContactAsync(organisation);
        using var browser = await Portal.SignInAsync(contact);
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var need = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN", visibility: TlpLabel.Amber, title: NeedTitle);
        var offer = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation, title: OfferTitle);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/capacity/{need}")).Status);
        var own = await browser.GetAsync($"/capacity/{offer}");
        Assert.NotNull(own.Document.QuerySelector("#suggestions"));
        Assert.Null(own.Document.QuerySelector($"tr[data-id='{need}']"));
        Assert.DoesNotContain(NeedTitle, own.Text);
        var forged = await browser.PostWithTokenAsync($"/capacity/{offer}/interest", [new("counterpart", need.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.CapacityMatches.CountAsync()));
        // The secretariat does see it among the offer's suggestions.
        Assert.NotNull((await moderator.GetAsync($"/capacity/{offer}")).Document.QuerySelector($"tr[data-id='{need}']"));
    }

    [Fact]
    public async Task StateContact_CannotExpressInterestOnBehalfOfASideItDoesNotSpeakFor_AndNothingChanges()
    {
        var organisation = await Portal.NewOrganisationAsync("Regional CERT");
        var (kenya, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (senegal, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "SEN");
        var need = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN");
        var offer = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation);
        var before = await Portal.WithDbAsync(db => db.AuditRecords.CountAsync());

        var asKenyaFromTheNeed = await kenya.PostWithTokenAsync($"/capacity/{need}/interest", [new("counterpart", $"{offer}")]);
        var asKenyaFromTheOffer = await kenya.PostWithTokenAsync($"/capacity/{offer}/interest", [new("counterpart", $"{need}")]);
        var asSenegalFromTheOffer = await senegal.PostWithTokenAsync($"/capacity/{offer}/interest", [new("counterpart", $"{need}")]);

        Assert.Equal(HttpStatusCode.Forbidden, asKenyaFromTheNeed.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asKenyaFromTheOffer.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asSenegalFromTheOffer.Status);
        Assert.Contains("Only a point of contact of the need's or the offer's side can do this.", asKenyaFromTheNeed.Text);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.CapacityMatches.CountAsync()));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.OutgoingMail.CountAsync()));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync()));
        Assert.Null((await kenya.GetAsync($"/capacity/{need}")).Document.QuerySelector("#suggestions"));
    }

    [Fact]
    public async Task StatusWalk_FromIntroducedToDeliveredAndClosed_KeepsTheOutcomeAndReason_AndMailsBothSidesInTheirLanguage()
    {
        var organisation = await Portal.NewOrganisationAsync("UN body");
        var contact = await Portal.NewOrganisationContactAsync(organisation, "fr");
        var senegalUser = await Portal.CreateUserAsync(PortalRoles.Contributor, "SEN");
        await Portal.SetLanguageAsync(senegalUser, "es");
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var need = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN", title: NeedTitle);
        var offer = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation, title: OfferTitle);
        var match = await Portal.CreateMatchAsync(need, offer, needConsents: true, offerConsents: true, introduced: true);
        var url = $"/capacity/matches/{match}";

        await moderator.SubmitAsync(url, formSelector: "#action-agree");
        Assert.Equal(MatchStatus.Agreed, await StatusAsync(match));
        var agreed = await Portal.WithDbAsync(db => db.OutgoingMail.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, agreed.Count);
        Assert.Equal($"Mise en relation convenue : « {NeedTitle} » et « {OfferTitle} »", agreed.Single(m => m.To == contact.Email).Subject);
        Assert.Equal("fr", agreed.Single(m => m.To == contact.Email).Language);
        Assert.Equal($"Emparejamiento acordado: «{NeedTitle}» y «{OfferTitle}»", agreed.Single(m => m.To == senegalUser.Email).Subject);

        await moderator.SubmitAsync(url, formSelector: "#action-startwork");
        Assert.Equal(MatchStatus.UnderWay, await StatusAsync(match));

        // Delivering needs its outcome: the error stands next to the field, the text typed is kept.
        var tooLong = new string('x', Web.Data.FieldLengths.MatchNote + 1);
        var refused = await moderator.SubmitAsync(url, new Dictionary<string, object?> { ["note"] = tooLong }, "#action-deliver");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#note-deliver-error"));
        Assert.Equal(tooLong, refused.Document.QuerySelector("#note-deliver")!.TextContent);
        var empty = await moderator.SubmitAsync(url, new Dictionary<string, object?> { ["note"] = "" }, "#action-deliver");
        Assert.Equal("Describe the outcome.", empty.Document.QuerySelector("#note-deliver-error")?.TextContent);
        Assert.Equal(MatchStatus.UnderWay, await StatusAsync(match));

        await moderator.SubmitAsync(url, new Dictionary<string, object?> { ["note"] = "Twelve analysts trained in Dakar." }, "#action-deliver");
        Assert.Equal(MatchStatus.Delivered, await StatusAsync(match));
        var delivered = await Portal.WithDbAsync(db => db.OutgoingMail.AsNoTracking().Where(m => m.To == contact.Email).OrderBy(m => m.Id).ToListAsync());
        Assert.Contains("Résultat : Twelve analysts trained in Dakar.", delivered[^1].Body);

        var closeWithoutReason = await moderator.SubmitAsync(url, new Dictionary<string, object?> { ["note"] = " " }, "#action-close");
        Assert.Equal("Give a reason: the author will read it.", closeWithoutReason.Document.QuerySelector("#note-close-error")?.TextContent);
        var closed = await moderator.FollowAsync(await moderator.SubmitAsync(url, new Dictionary<string, object?> { ["note"] = "Delivered and evaluated." }, "#action-close"));

        Assert.Equal(MatchStatus.Closed, await StatusAsync(match));
        Assert.Equal("Twelve analysts trained in Dakar.", closed.Document.QuerySelector("#match-outcome")?.TextContent);
        Assert.Equal("Delivered and evaluated.", closed.Document.QuerySelector("#match-reason")?.TextContent);
        Assert.Empty(closed.Document.QuerySelectorAll("form[id^='action-']"));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Subject == Web.Auditing.AuditSubjects.Match(match)).Select(a => a.Action).ToListAsync());
        Assert.Equal(["match-agree", "match-startwork", "match-deliver", "match-close"], audit);
    }

    [Fact]
    public async Task SuggestionsOnThePage_AreInTheOrderAndWithTheReasonsOfCapacityMatching()
    {
        var (senegal, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "SEN");
        var organisation = await Portal.NewOrganisationAsync("Network");
        var need = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN", norms: [3, 10], languages: ["fr"], kinds: [KindOfHelp.Training, KindOfHelp.Mentoring]);
        var weak = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, "FRA", norms: [10], languages: ["en"], regions: [RegionalGroup.AsiaPacific]);
        var strong = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation, norms: [3, 10], languages: ["fr"], regions: [RegionalGroup.African]);
        var middle = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, "FRA", norms: [3], languages: ["fr"], kinds: [KindOfHelp.Mentoring], regions: [RegionalGroup.WesternEuropeanAndOthers]);
        await Portal.CreateCapacityItemAsync(CapacitySide.Offer, "FRA", norms: [5], languages: ["fr"]);
        await Portal.CreateCapacityItemAsync(CapacitySide.Offer, "FRA", norms: [10], status: EntryStatus.Withdrawn);

        var expected = await Portal.WithDbAsync(async db =>
        {
            var region = await db.States.Where(s => s.Iso3 == "SEN").Select(s => s.RegionalGroup).SingleAsync();
            var items = await db.CapacityItems.AsNoTracking().Where(i => i.Status == EntryStatus.Published).ToListAsync();
            return CapacityMatching.Suggest(items.Single(i => i.Id == need).Profile(region), items.Where(i => i.Side == CapacitySide.Offer).Select(i => i.Profile(null)));
        });
        var page = await senegal.GetAsync($"/capacity/{need}");

        var rows = page.Document.QuerySelectorAll("tr.suggestion").ToList();
        Assert.Equal([strong, middle, weak], expected.Select(s => s.CounterpartId));
        Assert.Equal(expected.Select(s => s.CounterpartId.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-id")));
        Assert.Equal(expected.Select(s => s.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.QuerySelector(".suggestion__score")!.TextContent));
        var reasons = rows[0].QuerySelector(".suggestion__reasons")!.TextContent;
        Assert.Contains("Same norm 13(j)", reasons);
        Assert.Contains("Both in French", reasons);
        Assert.Contains("Region served includes", reasons);
        Assert.Equal(3, page.Document.QuerySelectorAll("form[id^='interest-']").Length);
    }

    [Fact]
    public async Task AnnounceSuggestions_MailsTheCounterpartsContactsOnce_AndNobodyForASecretariatOnlyItem()
    {
        var organisation = await Portal.NewOrganisationAsync("Network");
        var contact = await Portal.NewOrganisationContactAsync(organisation, "fr");
        var senegalUser = await Portal.CreateUserAsync(PortalRoles.Contributor, "SEN");
        await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN", norms: [10], title: NeedTitle);
        await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN", norms: [10, 3], title: "Another need of Senegal");
        var offer = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation, norms: [10, 3], title: OfferTitle);
        var secret = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation, norms: [10], visibility: TlpLabel.Amber);

        var first = await AnnounceAsync(offer);
        var again = await AnnounceAsync(offer);
        var none = await AnnounceAsync(secret);

        Assert.Equal((1, 0, 0), (first, again, none));
        var mail = Assert.Single(await Portal.WithDbAsync(db => db.OutgoingMail.AsNoTracking().ToListAsync()));
        Assert.Equal(senegalUser.Email, mail.To);
        Assert.Equal($"A new offer may match your need: {OfferTitle}", mail.Subject);
        Assert.Contains("\"Another need of Senegal\"", mail.Body); // the best-matching of their needs
        Assert.DoesNotContain(contact.Email, mail.To);
    }

    [Fact]
    public async Task BothSides_ExpressingInterestAtTheSameMoment_MakeOneMatchWithBothConsents()
    {
        var organisation = await Portal.NewOrganisationAsync("Network");
        using var offerSide = await Portal.SignInAsync(await Portal.NewOrganisationContactAsync(organisation));
        var (needSide, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "SEN");
        var need = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "SEN");
        var offer = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation);
        var needPage = await needSide.GetAsync($"/capacity/{need}");
        var offerPage = await offerSide.GetAsync($"/capacity/{offer}");

        var answers = await Task.WhenAll(
            needSide.SubmitAsync(needPage, formSelector: $"#interest-{offer}"),
            offerSide.SubmitAsync(offerPage, formSelector: $"#interest-{need}"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        var match = await Portal.WithDbAsync(db => db.CapacityMatches.AsNoTracking().SingleAsync());
        Assert.True(match.NeedSideConsentedAt is not null && match.OfferSideConsentedAt is not null, "a consent was lost");
        Assert.Equal(2, await Portal.WithDbAsync(db => db.MatchEvents.CountAsync()));
    }

    private static bool IsIntroduction(ReceivedMail mail) => mail.Subject.Contains("Introduction: ", StringComparison.Ordinal);

    private Task<int> AnnounceAsync(int item) =>
        Portal.WithServicesAsync(services => services.GetRequiredService<CapacityMatchService>().AnnounceSuggestionsAsync(item, CancellationToken.None));

    private Task<MatchStatus> StatusAsync(int match) =>
        Portal.WithDbAsync(db => db.CapacityMatches.Where(m => m.Id == match).Select(m => m.Status).SingleAsync());

    private Task<string> VersionAsync(int match) =>
        Portal.WithDbAsync(async db => (await db.CapacityMatches.Where(m => m.Id == match).Select(m => EF.Property<uint>(m, "Version")).SingleAsync())
            .ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<int> DeliverAsync(MailOptions options) =>
        new MailSender(
                Portal.Factory.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), TimeProvider.System,
                NullLogger<MailSender>.Instance)
            .SendDueAsync(CancellationToken.None);
}
