using Mediator;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// The redemption, claim and payment figures of one voucher for those with a case role on it (requester, fund
/// administrator, provider), so the voucher page shows the amount claimed next to the approve form.
/// </summary>
public static class GetVoucherMoney
{
    public sealed record Query(Guid Id) : IQuery<VoucherMoneyDto>;

    internal sealed class Handler(RegioFlowDbContext db, CaseRoleResolver roles) : IQueryHandler<Query, VoucherMoneyDto>
    {
        public async ValueTask<VoucherMoneyDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var (voucher, _, _) = await VoucherSteps.LoadAsync(db, roles, query.Id, cancellationToken);
            return await voucher.ToDtoAsync(db, cancellationToken);
        }
    }
}
