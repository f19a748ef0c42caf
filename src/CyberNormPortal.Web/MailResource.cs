namespace CyberNormPortal.Web;

/// <summary>Marker for the portal's mail templates, Resources/MailResource.resx (subjects and bodies, named placeholders).</summary>
public sealed class MailResource;
