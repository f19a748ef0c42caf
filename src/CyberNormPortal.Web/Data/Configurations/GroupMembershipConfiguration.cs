using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Domain.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.HasKey(m => new { m.GroupId, m.StateIso3 });
        builder.Property(m => m.StateIso3).HasMaxLength(FieldLengths.Iso3).IsFixedLength();
        builder.HasOne<State>().WithMany().HasForeignKey(m => m.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.StateIso3);
    }
}
