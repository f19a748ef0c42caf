using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Norms;

namespace CyberNormPortal.Domain.Tests.Norms;

public sealed class NormTests
{
    [Theory]
    [InlineData(1, "13(a)")]
    [InlineData(2, "13(b)")]
    [InlineData(6, "13(f)")]
    [InlineData(11, "13(k)")]
    public void GgeReference_FollowsTheParagraphsOfA70174(int number, string reference)
    {
        var norm = new Norm(number, "Short", "Text", "A/70/174");

        Assert.Equal(reference, norm.GgeReference);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(-1)]
    public void Creating_ANumberOutsideOneToEleven_IsRefused(int number)
    {
        var error = Assert.Throws<DomainException>(() => new Norm(number, "Short", "Text", "A/70/174"));

        Assert.Contains("1 to 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateText_WithTheSameText_ReportsNoChange()
    {
        var norm = new Norm(3, "Short", "Text", "Source");

        Assert.False(norm.UpdateText("Short", "Text", "Source"));
        Assert.True(norm.UpdateText("Short", "Corrected text", "Source"));
        Assert.Equal("Corrected text", norm.FullText);
    }
}
