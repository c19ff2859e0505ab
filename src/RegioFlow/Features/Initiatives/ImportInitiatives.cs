using Mediator;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Initiatives;

/// <summary>
/// Imports an inventory of initiatives (CSV) into the regional register (<see cref="InitiativeImport"/>): a dry run
/// (the default) only reports what would happen; a real run stores all rows or, when any row has an error, nothing.
/// Fund administrators and admins only.
/// </summary>
public static class ImportInitiatives
{
    public sealed record Command(string Csv, ImportDefaults Defaults, bool DryRun) : ICommand<ImportReport>;

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, ImportReport>
    {
        public async ValueTask<ImportReport> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Role.FundAdministrator) && !user.IsInRole(Role.Admin))
            {
                throw new ForbiddenException("Alleen een fondsbeheerder of beheerder mag een inventarisatie importeren.");
            }

            return await InitiativeImport.RunAsync(command.Csv, command.Defaults, command.DryRun, db, clock.GetUtcNow(), cancellationToken);
        }
    }
}
