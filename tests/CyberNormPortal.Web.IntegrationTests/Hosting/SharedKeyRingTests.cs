using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Hosting;

public sealed class SharedKeyRingTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task WhatOneInstanceProtects_AnotherInstanceReads_EvenAfterTheFirstHasStopped()
    {
        string token;
        await using (var first = new PortalAppFactory(Portal.ConnectionString))
        {
            token = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session of a point of contact");
        }

        await using var second = new PortalAppFactory(Portal.ConnectionString);
        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token);

        Assert.Equal("session of a point of contact", read);
        Assert.True(await Portal.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }
}
