using System.Text.Json.Serialization;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Bodies;
using RegioFlow.Features.Cases;
using RegioFlow.Features.Checklists;
using RegioFlow.Features.Dashboards;
using RegioFlow.Features.DevSignIn;
using RegioFlow.Features.Exports;
using RegioFlow.Features.Incidents;
using RegioFlow.Features.Initiatives;
using RegioFlow.Features.Me;
using RegioFlow.Features.Organisations;
using RegioFlow.Features.Regions;
using RegioFlow.Features.Schemes;
using RegioFlow.Features.Vouchers;
using RegioFlow.Features.Workflows;
using RegioFlow.Jobs;
using RegioFlow.Workflows;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = HostingDefaults.EnvironmentWhenRunFromSource(args),
});

// 1. Refuse to start on settings that cannot work, saying what to configure.
var problems = DatabaseSetup.FindConfigurationProblems(builder.Configuration).ToList();
var (authMode, authProblem) = AuthModeResolver.Resolve(builder.Configuration, builder.Environment);
if (authProblem is not null)
{
    problems.Add(authProblem);
}

var (workflows, workflowProblems) = WorkflowSetup.Load(builder.Configuration, builder.Environment.ContentRootPath);
problems.AddRange(workflowProblems);
if (problems.Count > 0 || authMode is null || workflows is null)
{
    Console.Error.WriteLine("RegioFlow kan niet starten:");
    problems.ForEach(problem => Console.Error.WriteLine($"- {problem}"));
    return 1;
}

// 2. Services.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRegioFlowDatabase(builder.Configuration);
builder.Services.AddRegioFlowAuthentication(builder.Configuration, authMode.Value);
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(ValidationBehaviour<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);
ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("nl");
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = DutchProblemTitles.Customize);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();
builder.Services.AddRegioFlowJobs(builder.Configuration);
builder.Services.AddWorkflowEngine(workflows);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AllowAnonymousToPage("/Index");
    options.Conventions.AllowAnonymousToFolder("/Account");
    options.Conventions.AllowAnonymousToPage("/Error");
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 25 * 1024 * 1024);

var app = builder.Build();

// 3. Database: migrate and seed before the first request.
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(app.Lifetime.ApplicationStopping);
    var changed = await WorkflowSetup.VerifyPublishedAsync(
        scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>(), workflows, app.Services.GetRequiredService<TimeProvider>(), app.Lifetime.ApplicationStopping);
    if (changed.Count > 0)
    {
        Console.Error.WriteLine("RegioFlow kan niet starten:");
        changed.ToList().ForEach(problem => Console.Error.WriteLine($"- {problem}"));
        return 1;
    }
}

// Deadlines: the reconciler runs every minute and once now, so timers lost with in-memory storage are rebuilt.
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<ReconcileDeadlinesJob>(ReconcileDeadlinesJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<DeliverNotificationsJob>(DeliverNotificationsJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
// Privacy: personal data of closed vouchers are removed after the scheme's retention period (daily, at night).
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<AnonymiseVouchersJob>(AnonymiseVouchersJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(2), new RecurringJobOptions { TimeZone = DutchCalendar.Amsterdam });
app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReconcileDeadlinesJob>(job => job.RunAsync(CancellationToken.None));

// 4. Pipeline: errors become ProblemDetails for /api and a friendly page for people.
app.UseExceptionHandler("/fout");
app.UseWhen(context => context.IsApiRequest(), api => api.UseStatusCodePages());
app.UseWhen(context => !context.IsApiRequest(), pages => pages.UseStatusCodePagesWithReExecute("/fout/{0}"));
app.UseRouting(); // after the error middleware, so re-executed error pages are routed too
app.UseAuthentication();
app.UseAuthorization();

// 5. Endpoints.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api-docs", options => options.WithTitle("RegioFlow API").DisableDefaultFonts()).AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
app.MapJobsDashboard();
app.MapMeEndpoints();
app.MapRegionsEndpoints();
app.MapOrganisationsEndpoints();
app.MapCasesEndpoints();
app.MapWorkflowsEndpoints();
app.MapIncidentsEndpoints();
app.MapSchemesEndpoints();
app.MapBodiesEndpoints();
app.MapApplicationsEndpoints();
app.MapChecklistsEndpoints();
app.MapInitiativesEndpoints();
app.MapInitiativeImportEndpoints();
app.MapVouchersEndpoints();
app.MapVoucherRedemptionEndpoints();
app.MapDashboardsEndpoints();
app.MapExportsEndpoints();
app.MapCalendarEndpoints();
if (authMode == AuthMode.Development)
{
    app.MapDevSignInEndpoints();
}

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
