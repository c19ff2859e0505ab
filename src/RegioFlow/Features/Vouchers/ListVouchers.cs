using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>The vouchers the user may see (<see cref="VoucherAccess"/>), newest first, optionally per scheme or case state.</summary>
public static class ListVouchers
{
    public sealed record Query(Guid? SchemeId, string? State) : IQuery<IReadOnlyList<VoucherDto>>;

    internal sealed class Handler(RegioFlowDbContext db, VoucherAccess access, WorkflowRegistry registry) : IQueryHandler<Query, IReadOnlyList<VoucherDto>>
    {
        public async ValueTask<IReadOnlyList<VoucherDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var vouchers = await access.Visible()
                .Where(v => query.SchemeId == null || v.SchemeId == query.SchemeId)
                .Where(v => query.State == null || db.Cases.Any(c => c.Id == v.CaseId && c.State == query.State))
                .OrderByDescending(v => v.RequestedAt).ThenBy(v => v.Id)
                .Take(500)
                .ToListAsync(cancellationToken);
            return await VoucherDtoBuilder.BuildAsync(db, registry, access, vouchers, cancellationToken);
        }
    }
}

public static class GetVoucher
{
    public sealed record Query(Guid Id) : IQuery<VoucherDto>;

    internal sealed class Handler(RegioFlowDbContext db, VoucherAccess access, WorkflowRegistry registry) : IQueryHandler<Query, VoucherDto>
    {
        public async ValueTask<VoucherDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var voucher = await access.VisibleAsync(query.Id, cancellationToken);
            return (await VoucherDtoBuilder.BuildAsync(db, registry, access, [voucher], cancellationToken))[0];
        }
    }
}
