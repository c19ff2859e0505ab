namespace RegioFlow.Domain;

/// <summary>
/// The conditions of a voucher scheme (Opijver, Rotterdams Scholingsfonds), beside the scheme's ceiling, window and
/// maximum value (<see cref="Scheme.MaxAmount"/>). The residence rule uses the scheme's region.
/// </summary>
/// <param name="EmployerSharePercent">Share of the price the employer pays when the applicant is employed (Opijver: 33).</param>
/// <param name="MinAge">Youngest age on the request date (18).</param>
/// <param name="MaxAge">Oldest age on the request date (67).</param>
/// <param name="RecognisedTrainingOnly">Only OCW-recognised or NLQF-classified training (SLIM).</param>
/// <param name="YearlyTarget">How many vouchers the fund means to issue a year (Opijver: 300).</param>
/// <param name="ValidityMonths">How long an issued voucher may be redeemed.</param>
/// <param name="ReminderDaysBeforeExpiry">When the holder is reminded of an unused voucher.</param>
/// <param name="RetentionMonths">After closing, personal data are kept this long, then removed (anonymous figures stay).</param>
public sealed record VoucherTerms(
    int EmployerSharePercent,
    int MinAge,
    int MaxAge,
    bool RecognisedTrainingOnly,
    int YearlyTarget,
    int ValidityMonths,
    int ReminderDaysBeforeExpiry,
    int RetentionMonths);

public enum EmploymentStatus
{
    Werkend,
    Werkzoekend,
    Zelfstandige,
    Anders,
}

/// <summary>The outcome of one eligibility rule, with the Dutch reason a person reads.</summary>
public sealed record EligibilityResult(string Rule, bool Passed, string Reason);

/// <summary>
/// A training voucher (scholingsvoucher): requested by a resident or by an employer for an employee, checked against
/// the scheme's rules, issued with an unguessable code, redeemed by a training provider, claimed and paid. Its progress
/// is a case of the <c>scholingsvoucher</c> workflow (<see cref="CaseId"/>). The personal data (name, date of birth,
/// e-mail, employer, person key) are removed after the scheme's retention period; the figures stay.
/// </summary>
public sealed class Voucher
{
    public const string SubjectType = "voucher";

    private Voucher()
    {
    }

    public Voucher(Guid schemeId, string requestedBy, VoucherPerson person, VoucherTraining training, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SchemeId = schemeId;
        RequestedBy = requestedBy;
        RequestedAt = now;
        UpdatedAt = now;
        SetPerson(person);
        ProviderOrganisationId = training.ProviderOrganisationId;
        TrainingName = training.Name;
        TrainingRecognised = training.Recognised;
        TrainingStart = training.StartDate;
        Price = training.Price;
    }

    public Guid Id { get; private set; }

    public Guid SchemeId { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>Who asked: the resident, or the employer's user who asked for an employee.</summary>
    public string RequestedBy { get; private set; } = "";

    /// <summary>The employer organisation when an employer asked for an employee.</summary>
    public Guid? RequestedForOrganisationId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    // Personal data: removed by the retention job.
    public string? PersonName { get; private set; }

    public DateOnly? DateOfBirth { get; private set; }

    public string? Email { get; private set; }

    public string? EmployerName { get; private set; }

    /// <summary>A hash of the normalised name and date of birth: finds the same person's vouchers in any scheme.</summary>
    public string? PersonKey { get; private set; }

    // Kept for the figures after the personal data are removed.
    public string Gemeente { get; private set; } = "";

    public int AgeAtRequest { get; private set; }

    public EmploymentStatus EmploymentStatus { get; private set; }

    public Guid ProviderOrganisationId { get; private set; }

    public string TrainingName { get; private set; } = "";

    public bool TrainingRecognised { get; private set; }

    public DateOnly? TrainingStart { get; private set; }

    public decimal Price { get; private set; }

    public List<EligibilityResult> Eligibility { get; private set; } = [];

    /// <summary>What the fund pays at most (price minus the employer's share, capped at the scheme's maximum).</summary>
    public decimal? Value { get; private set; }

    public decimal? EmployerShare { get; private set; }

    /// <summary>The voucher code (unguessable, with a check character); null until issued.</summary>
    public string? Code { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public string? DecisionMotivation { get; private set; }

    public DateTimeOffset? RedeemedAt { get; private set; }

    public DateOnly? RedeemedStart { get; private set; }

    public decimal? RedeemedAmount { get; private set; }

    public decimal? ClaimAmount { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public decimal? PaidAmount { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? PaymentReference { get; private set; }

    /// <summary>When the case ended (paid, rejected, expired, withdrawn): the retention period counts from here.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? AnonymisedAt { get; private set; }

    public long Version { get; private set; }

    internal void AttachCase(Guid caseId) => CaseId = caseId;

    public void RequestedFor(Guid employerOrganisationId) => RequestedForOrganisationId = employerOrganisationId;

    public void Checked(IEnumerable<EligibilityResult> results, int ageAtRequest)
    {
        Eligibility = [.. results];
        AgeAtRequest = ageAtRequest;
    }

    public void Issue(string code, decimal value, decimal employerShare, DateOnly expiresOn, DateTimeOffset now)
    {
        Code = code;
        Value = value;
        EmployerShare = employerShare;
        ExpiresOn = expiresOn;
        IssuedAt = now;
        Touch(now);
    }

    public void Reject(string motivation, DateTimeOffset now)
    {
        DecisionMotivation = motivation;
        Close(now);
    }

    public void Redeem(DateOnly start, decimal amount, DateTimeOffset now)
    {
        RedeemedStart = start;
        RedeemedAmount = amount;
        RedeemedAt = now;
        Touch(now);
    }

    public void Claim(decimal amount, DateTimeOffset now)
    {
        ClaimAmount = amount;
        ClaimedAt = now;
        Touch(now);
    }

    public void Paid(decimal amount, DateOnly paidOn, string reference, DateTimeOffset now)
    {
        PaidAmount = amount;
        PaidOn = paidOn;
        PaymentReference = reference;
        Close(now);
    }

    public void Close(DateTimeOffset now)
    {
        ClosedAt ??= now;
        Touch(now);
    }

    /// <summary>Removes the personal data; what stays (gemeente, age, training, amounts, dates) serves only the figures.</summary>
    public void Anonymise(DateTimeOffset now)
    {
        PersonName = null;
        DateOfBirth = null;
        Email = null;
        EmployerName = null;
        PersonKey = null;
        AnonymisedAt = now;
        Touch(now);
    }

    private void SetPerson(VoucherPerson person)
    {
        PersonName = person.Name;
        DateOfBirth = person.DateOfBirth;
        Email = person.Email;
        Gemeente = person.Gemeente;
        EmploymentStatus = person.EmploymentStatus;
        EmployerName = person.EmployerName;
        PersonKey = person.Key;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <param name="Key">See <see cref="Voucher.PersonKey"/>.</param>
public sealed record VoucherPerson(string Name, DateOnly DateOfBirth, string? Email, string Gemeente, EmploymentStatus EmploymentStatus, string? EmployerName, string Key);

public sealed record VoucherTraining(Guid ProviderOrganisationId, string Name, bool Recognised, DateOnly? StartDate, decimal Price);

public enum VoucherDocumentKind
{
    Factuur,
    BewijsVanInschrijving,
    BewijsVanDeelname,
}

/// <summary>A document of a voucher claim (invoice, proof of enrolment or completion), checked by content like application documents.</summary>
public sealed class VoucherDocument
{
    private VoucherDocument()
    {
    }

    public VoucherDocument(Guid voucherId, VoucherDocumentKind kind, string fileName, string contentType, byte[] content, string sha256, string uploadedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        VoucherId = voucherId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = content.LongLength;
        Content = content;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid VoucherId { get; private set; }

    public VoucherDocumentKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Load only with a projection or for a download; lists select the other columns.</summary>
    public byte[] Content { get; private set; } = [];

    public string Sha256 { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}
