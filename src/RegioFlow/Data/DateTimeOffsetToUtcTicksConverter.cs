using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RegioFlow.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks; values are read back in UTC (offset zero).</summary>
internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
