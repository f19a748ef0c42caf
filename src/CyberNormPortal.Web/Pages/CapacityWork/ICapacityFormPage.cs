namespace CyberNormPortal.Web.Pages.CapacityWork;

/// <summary>A page that shows the need or offer form (<c>_CapacityForm.cshtml</c>).</summary>
public interface ICapacityFormPage
{
    CapacityFormInput Input { get; }

    CapacityFormOptions Options { get; }
}
