namespace CyberNormPortal.Web;

/// <summary>Marker for the portal's one set of UI strings, Resources/SharedResource.resx.</summary>
public sealed class SharedResource;
