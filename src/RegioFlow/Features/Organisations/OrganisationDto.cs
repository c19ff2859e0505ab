namespace RegioFlow.Features.Organisations;

public sealed record OrganisationDto(Guid Id, string Name, string Kind, int? RegionId, string? RegionName);
