using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// The provider claims a redeemed voucher: an invoice and a proof of enrolment or completion, both checked by content
/// like application documents (PDF, DOCX, XLSX, ODT, PNG, JPG, at most 20 MB each), for at most the redeemed amount.
/// Documents, claim and step are one transaction.
/// </summary>
public static class ClaimVoucher
{
    /// <summary>Two files of 20 MB plus the envelope.</summary>
    public const long MaxRequestBytes = (2 * UploadDocument.MaxBytes) + (512 * 1024);

    /// <param name="Amount">As typed in a form field: "1750", "1.750,00" or "1750.00" (<see cref="Money.TryParseInput"/>).</param>
    public sealed record Command(Guid Id, IFormFile? Invoice, IFormFile? Proof, string? Kind, string? Amount) : ICommand<VoucherMoneyDto>
    {
        internal decimal? ParsedAmount => Money.TryParseInput(Amount, out var amount) ? amount : null;
    }

    internal static VoucherDocumentKind? ProofKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "inschrijving" or "bewijsvaninschrijving" => VoucherDocumentKind.BewijsVanInschrijving,
        "deelname" or "afronding" or "bewijsvandeelname" => VoucherDocumentKind.BewijsVanDeelname,
        _ => null,
    };

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            File(c => c.Invoice, "invoice", "de factuur");
            File(c => c.Proof, "proof", "het bewijs van inschrijving of deelname");
            RuleFor(c => c.Kind).Must(k => ProofKind(k) is not null)
                .WithMessage("Kies het soort bewijs: 'inschrijving' (bewijs van inschrijving) of 'deelname' (bewijs van deelname of afronding).");
            RuleFor(c => c.Amount).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Vul het gedeclareerde bedrag in.")
                .Must(a => Money.TryParseInput(a, out _)).WithMessage("Vul een bedrag in euro's in, bijvoorbeeld 1750 of 1.750,00.")
                .Must(a => Money.TryParseInput(a, out var amount) && amount > 0).WithMessage("Het bedrag moet groter zijn dan nul.")
                .Must(a => Money.TryParseInput(a, out var amount) && Money.HasAtMostTwoDecimals(amount)).WithMessage("Het bedrag mag hoogstens twee decimalen hebben.");
        }

        private void File(System.Linq.Expressions.Expression<Func<Command, IFormFile?>> file, string field, string what)
        {
            var get = file.Compile();
            RuleFor(file).NotNull().OverridePropertyName(field).WithMessage($"Voeg {what} toe ({UploadDocument.Allowed}).");
            When(c => get(c) is not null, () =>
            {
                RuleFor(c => get(c)!.Length).GreaterThan(0).OverridePropertyName(field).WithMessage($"Het bestand voor {what} is leeg.");
                RuleFor(c => get(c)!.Length).LessThanOrEqualTo(UploadDocument.MaxBytes).OverridePropertyName(field)
                    .WithMessage($"Het bestand voor {what} is te groot: een document mag hoogstens 20 MB zijn.");
            });
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, CaseService cases, CaseRoleResolver roles, TimeProvider clock) : ICommandHandler<Command, VoucherMoneyDto>
    {
        public async ValueTask<VoucherMoneyDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (voucher, @case, actor) = await VoucherSteps.LoadAsync(db, roles, command.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Opleider))
            {
                throw new ForbiddenException("Alleen de opleider die de voucher verzilverde mag declareren.");
            }

            if (@case.State != "verzilverd")
            {
                throw new ConflictException(@case.State == "uitgegeven"
                    ? "Verzilver de voucher eerst; daarna kunt u declareren."
                    : $"Er kan nu niet worden gedeclareerd: de voucher is '{@case.State}'.");
            }

            var failures = new List<ValidationFailure>();
            var claimed = command.ParsedAmount!.Value;
            if (claimed > voucher.RedeemedAmount)
            {
                failures.Add(new("amount", $"U kunt hoogstens het verzilverde bedrag declareren ({Money.Format(voucher.RedeemedAmount ?? 0)})."));
            }

            var invoice = await ReadAsync(command.Invoice!, "invoice", failures, cancellationToken);
            var proof = await ReadAsync(command.Proof!, "proof", failures, cancellationToken);
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            var now = clock.GetUtcNow();
            await cases.FireAsync(@case.Id, "declareren", new Dictionary<string, string>(), actor, @case.Version, cancellationToken, (_, _) =>
            {
                db.VoucherDocuments.Add(Document(voucher, VoucherDocumentKind.Factuur, command.Invoice!, invoice, actor.Name, now));
                db.VoucherDocuments.Add(Document(voucher, ProofKind(command.Kind)!.Value, command.Proof!, proof, actor.Name, now));
                voucher.Claim(claimed, now);
                return Task.CompletedTask;
            });
            return await voucher.ToDtoAsync(db, cancellationToken);
        }

        private static async Task<(byte[] Bytes, string ContentType)> ReadAsync(IFormFile file, string field, List<ValidationFailure> failures, CancellationToken cancellationToken)
        {
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }

            var contentType = DocumentTypes.Detect(bytes);
            if (contentType is null)
            {
                failures.Add(new(field, "Dit bestandstype is niet toegestaan. Toegestaan zijn PDF, DOCX, XLSX, ODT, PNG en JPG; het type wordt bepaald uit de inhoud van het bestand, niet uit de naam."));
            }

            return (bytes, contentType ?? "");
        }

        private static VoucherDocument Document(Voucher voucher, VoucherDocumentKind kind, IFormFile file, (byte[] Bytes, string ContentType) content, string by, DateTimeOffset now)
        {
            var name = Path.GetFileName(file.FileName ?? "").Trim();
            name = name.Length == 0 ? "document" : name[..Math.Min(255, name.Length)];
            return new VoucherDocument(voucher.Id, kind, name, content.ContentType, content.Bytes, Convert.ToHexStringLower(SHA256.HashData(content.Bytes)), by, now);
        }
    }
}

/// <summary>The claim documents of a voucher, without content: for the provider and the fund administrator.</summary>
public static class ListVoucherDocuments
{
    public sealed record Query(Guid Id) : IQuery<IReadOnlyList<VoucherDocumentDto>>;

    public sealed record DownloadQuery(Guid Id, Guid DocumentId) : IQuery<VoucherDocumentFile>;

    public sealed record VoucherDocumentFile(string FileName, string ContentType, byte[] Content);

    internal sealed class Handler(RegioFlowDbContext db, CaseRoleResolver roles)
        : IQueryHandler<Query, IReadOnlyList<VoucherDocumentDto>>, IQueryHandler<DownloadQuery, VoucherDocumentFile>
    {
        public async ValueTask<IReadOnlyList<VoucherDocumentDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await RequireAsync(query.Id, cancellationToken);
            return await db.VoucherDocuments.AsNoTracking().Where(d => d.VoucherId == query.Id).OrderBy(d => d.UploadedAt).ThenBy(d => d.Kind)
                .Select(d => new VoucherDocumentDto(d.Id, d.VoucherId, d.Kind.ToString(), d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt))
                .ToListAsync(cancellationToken);
        }

        public async ValueTask<VoucherDocumentFile> Handle(DownloadQuery query, CancellationToken cancellationToken)
        {
            await RequireAsync(query.Id, cancellationToken);
            return await db.VoucherDocuments.AsNoTracking().Where(d => d.Id == query.DocumentId && d.VoucherId == query.Id)
                .Select(d => new VoucherDocumentFile(d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"Er is geen document met id {query.DocumentId} bij deze voucher.");
        }

        private async Task RequireAsync(Guid id, CancellationToken cancellationToken)
        {
            var (_, _, actor) = await VoucherSteps.LoadAsync(db, roles, id, cancellationToken);
            if (!actor.Roles.Overlaps([CaseRoles.Opleider, CaseRoles.Behandelaar, CaseRoles.Beheerder]))
            {
                throw new ForbiddenException("Alleen de opleider en de fondsbeheerder van de regeling mogen de declaratie inzien.");
            }
        }
    }
}
