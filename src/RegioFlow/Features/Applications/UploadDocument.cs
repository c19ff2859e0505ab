using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

public sealed record DocumentDto(Guid Id, Guid ApplicationId, string FileName, string ContentType, long Size, string Sha256, string? Description, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// Adds a document (plan, budget, report, invoice) to an application: the initiative lead and the fund administrator,
/// and the table while it assesses. The type is read from the content, never from the name or the sent content type,
/// so an executable renamed to .pdf is refused; the SHA-256 is stored so a document can later be shown unchanged.
/// </summary>
public static class UploadDocument
{
    /// <summary>20 MB: enough for a scanned plan or budget, small enough to keep in the database.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The route's request limit: the largest file plus room for the multipart envelope and the description.</summary>
    public const long MaxRequestBytes = MaxBytes + (512 * 1024);

    internal const string Allowed = "PDF, DOCX, XLSX, ODT, PNG of JPG";

    public sealed record Command(Guid Id, IFormFile? File, string? Description) : ICommand<DocumentDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.File).NotNull().WithMessage($"Kies een bestand ({Allowed}).");
            When(c => c.File is not null, () =>
            {
                RuleFor(c => c.File!.Length).GreaterThan(0).OverridePropertyName("file").WithMessage($"Het bestand is leeg. Stuur een {Allowed}-bestand.");
                RuleFor(c => c.File!.Length).LessThanOrEqualTo(MaxBytes).OverridePropertyName("file").WithMessage("Het bestand is te groot: een document mag hoogstens 20 MB zijn.");
                RuleFor(c => c.File!.FileName).Must(n => Path.GetFileName(n ?? "").Trim().Length <= 255).OverridePropertyName("file")
                    .WithMessage("De bestandsnaam mag hoogstens 255 tekens lang zijn.");
            });
            RuleFor(c => c.Description).MaximumLength(500).WithMessage("De omschrijving mag hoogstens 500 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, TimeProvider clock) : ICommandHandler<Command, DocumentDto>
    {
        public async ValueTask<DocumentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            if (!MayUpload(@case, actor))
            {
                throw new ForbiddenException("Alleen de initiatiefnemer en de fondsbeheerder van de regeling (en de thematafel tijdens de toetsing) mogen documenten toevoegen.");
            }

            if (@case.IsClosed)
            {
                throw new ConflictException("De zaak is afgesloten; er kunnen geen documenten meer bij.");
            }

            var file = command.File!;
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }

            var contentType = DocumentTypes.Detect(bytes)
                ?? throw new ValidationException([new ValidationFailure("file",
                    $"Dit bestandstype is niet toegestaan. Toegestaan zijn PDF, DOCX, XLSX, ODT, PNG en JPG; het type wordt bepaald uit de inhoud van het bestand, niet uit de naam.")]);
            var name = Path.GetFileName(file.FileName ?? "").Trim();
            var document = new ApplicationDocument(application.Id, name.Length == 0 ? "document" : name, contentType, bytes.LongLength,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(), actor.Name, clock.GetUtcNow());
            db.Documents.Add(document);
            db.DocumentContents.Add(new DocumentContent(document.Id, bytes));
            await db.SaveChangesAsync(cancellationToken);
            return document.ToDto();
        }
    }

    /// <summary>Who may add documents, shared with the case page so it offers the form only to them.</summary>
    internal static bool MayUpload(Case @case, CaseActor actor) =>
        actor.Roles.Contains(CaseRoles.Initiator) || actor.Roles.Contains(CaseRoles.Behandelaar)
        || (@case.State == "toetsing" && actor.Roles.Contains(CaseRoles.Adviseur));

    internal static DocumentDto ToDto(this ApplicationDocument d) =>
        new(d.Id, d.ApplicationId, d.FileName, d.ContentType, d.Size, d.Sha256, d.Description, d.UploadedBy, d.UploadedAt);
}

/// <summary>
/// Recognises the allowed document types by their content: the magic bytes of PDF, PNG and JPEG, and for the ZIP-based
/// office formats the entry that only that format has. Anything else (an executable, a plain ZIP, a text file) is null.
/// </summary>
public static class DocumentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Odt = "application/vnd.oasis.opendocument.text";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The media type of <paramref name="content"/>, or null when it is not one of the allowed types.</summary>
    public static string? Detect(byte[] content)
    {
        var head = content.AsSpan();
        return head.StartsWith(PdfMagic) ? Pdf
            : head.StartsWith(PngMagic) ? Png
            : head.StartsWith(JpegMagic) ? Jpeg
            : head.StartsWith(ZipMagic) ? DetectZip(content)
            : null;
    }

    /// <summary>Reads only the archive's directory and, for ODT, the small mimetype entry, so a ZIP bomb costs nothing.</summary>
    private static string? DetectZip(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.GetEntry("mimetype") is { Length: > 0 and < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odt ? Odt : null;
            }

            return archive.GetEntry("word/document.xml") is not null ? Docx
                : archive.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not a readable one
        }
    }
}
