using CyberNormPortal.Domain.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberNormPortal.Web.Data.Configurations;

internal sealed class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(FieldLengths.UserId).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(FieldLengths.ReviewReason);
        builder.HasIndex(e => new { e.EntryId, e.At });
        builder.HasIndex(e => e.ActorUserId);
    }
}
