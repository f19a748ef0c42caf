using CyberNormPortal.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.Property(g => g.Slug).HasMaxLength(FieldLengths.GroupSlug).IsRequired();
        builder.Property(g => g.Name).HasMaxLength(FieldLengths.GroupName).IsRequired();
        builder.Property(g => g.Abbreviation).HasMaxLength(FieldLengths.GroupAbbreviation).IsRequired();
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.HasMany(g => g.Memberships).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
