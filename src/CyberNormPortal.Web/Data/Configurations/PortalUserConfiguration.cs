using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.PreferredLanguage).HasMaxLength(FieldLengths.LanguageTag).IsRequired()
            .HasDefaultValue(PortalCultures.DefaultName);
        builder.Property(u => u.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.HasOne<State>().WithMany().HasForeignKey(u => u.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.StateIso3);
        builder.HasOne<Group>().WithMany().HasForeignKey(u => u.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.GroupId);
        builder.HasIndex(u => u.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
