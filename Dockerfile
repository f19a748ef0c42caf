# syntax=docker/dockerfile:1

# ---- build ----
# global.json pins SDK 10.0.100 with rollForward latestFeature, so any 10.0.1xx+ SDK in this image satisfies it.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first from the project/build files only, so the restore layer is cached until they change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig CyberNormPortal.sln ./
COPY src/CyberNormPortal.Domain/CyberNormPortal.Domain.csproj src/CyberNormPortal.Domain/
COPY src/CyberNormPortal.Web/CyberNormPortal.Web.csproj src/CyberNormPortal.Web/
RUN dotnet restore src/CyberNormPortal.Web/CyberNormPortal.Web.csproj

COPY src/ src/
RUN dotnet publish src/CyberNormPortal.Web/CyberNormPortal.Web.csproj -c Release -o /app/publish --no-restore

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app/publish .

ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080

# Non-root user provided by the aspnet image (APP_UID=1654).
USER $APP_UID

# No HEALTHCHECK here: the image has no curl/wget; docker-compose.yml probes /healthz/ready with bash /dev/tcp.
# With no arguments the app serves; "migrate" applies EF Core migrations, seeds reference data and exits.
ENTRYPOINT ["dotnet", "CyberNormPortal.Web.dll"]
