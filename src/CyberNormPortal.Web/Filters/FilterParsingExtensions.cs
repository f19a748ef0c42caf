namespace CyberNormPortal.Web.Filters;

public static class FilterParsingExtensions
{
    public static IServiceCollection AddFilterParsers(this IServiceCollection services) =>
        services.AddScoped<ReferenceLookup>().AddScoped<EntryFilterParser>().AddScoped<SynthesisScopeParser>();
}
