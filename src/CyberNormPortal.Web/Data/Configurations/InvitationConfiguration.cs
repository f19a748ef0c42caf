using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Role).HasMaxLength(40).IsRequired();
        builder.Property(i => i.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);

        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => i.StateIso3);
        builder.HasOne<State>().WithMany().HasForeignKey(i => i.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.GroupId);
        builder.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
