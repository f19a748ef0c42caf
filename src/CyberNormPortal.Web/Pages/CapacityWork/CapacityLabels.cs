using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Web.Pages.CapacityWork;

/// <summary>Texts of the capacity pages that depend on a value (keys of Resources/SharedResource.resx).</summary>
public static class CapacityLabels
{
    /// <summary>What a need's or offer's label means (its readers are those of <c>CapacityVisibility</c>).</summary>
    public static string TlpExplanation(TlpLabel label) => label switch
    {
        TlpLabel.Clear => "Public: anyone, also through the API and the CSV",
        TlpLabel.Green => "The signed-in community only",
        TlpLabel.Amber => "The secretariat and your own points of contact only",
    };
}
