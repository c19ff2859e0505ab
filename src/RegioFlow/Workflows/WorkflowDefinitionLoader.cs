using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegioFlow.Workflows;

/// <summary>A problem in a definition file, as "path:line: message".</summary>
public sealed record DefinitionError(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

/// <summary>The names YAML may refer to: registered guards, effects and notifications.</summary>
public sealed record WorkflowNames(IReadOnlySet<string> Guards, IReadOnlySet<string> Effects, IReadOnlySet<string> Notifications);

/// <summary>
/// Reads workflow definitions from YAML and validates them in three stages: YAML syntax; structure (the format that
/// workflows/schema/workflow.schema.json describes: known keys, required keys, types); then meaning (targets exist,
/// states reachable, guards exclusive, names registered, timers consistent). Every error names file and line.
/// </summary>
public static partial class WorkflowDefinitionLoader
{
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Load(string path, string yaml, WorkflowNames names)
    {
        var errors = new List<DefinitionError>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return (null, [new DefinitionError(path, 1, "het bestand bevat geen workflowdefinitie (een YAML-mapping met id, version, states, …)")]);
            }

            root = mapping;
        }
        catch (YamlException exception)
        {
            return (null, [new DefinitionError(path, (int)Math.Max(1, exception.Start.Line), $"YAML-syntaxfout: {exception.Message}")]);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input, e.g. an unclosed '['.
            return (null, [new DefinitionError(path, LineWhereParsingStops(yaml), $"YAML-syntaxfout: de tekst kan vanaf hier niet gelezen worden ({exception.Message})")]);
        }

        var reader = new Reader(path, errors);
        var definition = reader.Definition(root, Sha256(yaml));
        if (errors.Count > 0 || definition is null)
        {
            return (null, errors);
        }

        new Checker(path, errors, names).Check(definition);
        return errors.Count > 0 ? (null, errors) : (definition, errors);
    }

    public static (IReadOnlyList<WorkflowDefinition> Definitions, IReadOnlyList<DefinitionError> Errors) LoadFolder(IEnumerable<string> roots, WorkflowNames names, string? displayBase = null)
    {
        var definitions = new List<WorkflowDefinition>();
        var errors = new List<DefinitionError>();
        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetRelativePath(root, file).StartsWith("schema", StringComparison.Ordinal))
                {
                    continue;
                }

                var display = displayBase is null ? file : Path.GetRelativePath(displayBase, file);
                var (definition, fileErrors) = Load(display, File.ReadAllText(file), names);
                errors.AddRange(fileErrors);
                if (definition is null)
                {
                    continue;
                }

                var expected = Path.Combine(definition.Id, $"{definition.Id}.v{definition.Version}.yaml");
                if (Path.GetRelativePath(root, file) != expected)
                {
                    errors.Add(new DefinitionError(display, 1, $"bestandsnaam past niet bij id '{definition.Id}' en version {definition.Version}: verwacht {expected}"));
                    continue;
                }

                var same = definitions.FirstOrDefault(d => d.Id == definition.Id && d.Version == definition.Version);
                if (same is not null)
                {
                    errors.Add(new DefinitionError(display, 1, $"'{definition.Id}' versie {definition.Version} bestaat al in {same.SourcePath}"));
                    continue;
                }

                var overlap = definitions.FirstOrDefault(d => d.Id == definition.Id && d.Status == DefinitionStatus.Gepubliceerd
                    && definition.Status == DefinitionStatus.Gepubliceerd && Overlaps(d, definition));
                if (overlap is not null)
                {
                    errors.Add(new DefinitionError(display, 1,
                        $"geldigheid van versie {definition.Version} overlapt met gepubliceerde versie {overlap.Version} ({overlap.SourcePath}); laat de oude versie eindigen voor de nieuwe begint"));
                    continue;
                }

                definitions.Add(definition);
            }
        }

        return ([.. definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version)], errors);
    }

    private static int LineWhereParsingStops(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var line = 1;
        try
        {
            while (scanner.MoveNext())
            {
                line = (int)Math.Max(1, scanner.Current!.Start.Line);
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // the last token read is where the trouble starts
        }

        return line;
    }

    private static bool Overlaps(WorkflowDefinition a, WorkflowDefinition b) =>
        a.BeginGeldigheid <= (b.EindeGeldigheid ?? DateOnly.MaxValue) && b.BeginGeldigheid <= (a.EindeGeldigheid ?? DateOnly.MaxValue);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>Stage 2: maps YAML nodes onto the model, reporting unknown keys, missing keys and wrong types.</summary>
    private sealed class Reader(string path, List<DefinitionError> errors)
    {
        public WorkflowDefinition? Definition(YamlMappingNode root, string sha256)
        {
            var map = Map(root, "", ["id", "version", "status", "beginGeldigheid", "eindeGeldigheid", "zaaktype", "resultaattypen", "initialState", "states"]);
            var id = Id(map, "id", root, "");
            var version = Int(map, "version", root, "", required: true, min: 1);
            var status = Enum(map, "status", root, "", ["concept", "gepubliceerd"]);
            var begin = Date(map, "beginGeldigheid", root, "", required: true);
            var end = Date(map, "eindeGeldigheid", root, "", required: false);
            var caseType = map.TryGetValue("zaaktype", out var zaaktypeNode) ? CaseType(zaaktypeNode) : Missing(root, "", "zaaktype");
            var results = List(map, "resultaattypen", "", ResultType);
            var initial = Id(map, "initialState", root, "");
            var states = map.ContainsKey("states") ? List(map, "states", "", State) : Missing(root, "", "states", (List<StateDefinition>?)null) ?? [];
            if (map.ContainsKey("states") && states.Count == 0)
            {
                errors.Add(new DefinitionError(path, Line(map["states"]), "'states' moet minstens één toestand bevatten"));
            }

            if (end is not null && begin is not null && end < begin)
            {
                errors.Add(new DefinitionError(path, Line(map["eindeGeldigheid"]), "eindeGeldigheid ligt voor beginGeldigheid"));
            }

            if (errors.Count > 0 || id is null || version is null || status is null || begin is null || caseType is null || initial is null)
            {
                return null;
            }

            return new WorkflowDefinition(id, version.Value, status == "gepubliceerd" ? DefinitionStatus.Gepubliceerd : DefinitionStatus.Concept,
                begin.Value, end, caseType, results, initial, states, path, sha256);
        }

        private CaseTypeDefinition? CaseType(YamlNode node)
        {
            if (Mapping(node, "zaaktype") is not { } mapping)
            {
                return null;
            }

            var map = Map(mapping, "zaaktype", ["omschrijving", "doorlooptijd", "servicenorm", "opschortingMogelijk", "verlengingMogelijk", "verlengingstermijn"]);
            var omschrijving = Text(map, "omschrijving", mapping, "zaaktype", required: true);
            var doorlooptijd = Duration(map, "doorlooptijd", mapping, "zaaktype", required: true);
            var servicenorm = Duration(map, "servicenorm", mapping, "zaaktype", required: false);
            var opschorting = Bool(map, "opschortingMogelijk", "zaaktype");
            var verlenging = Bool(map, "verlengingMogelijk", "zaaktype");
            var termijn = Duration(map, "verlengingstermijn", mapping, "zaaktype", required: false);
            if (verlenging && termijn is null && !map.ContainsKey("verlengingstermijn"))
            {
                errors.Add(new DefinitionError(path, Line(mapping), "zaaktype.verlengingMogelijk is true maar verlengingstermijn ontbreekt"));
            }

            return omschrijving is null || doorlooptijd is null ? null
                : new CaseTypeDefinition(omschrijving, doorlooptijd.Value, servicenorm, opschorting, verlenging, termijn);
        }

        private ResultTypeDefinition? ResultType(YamlNode node, string at)
        {
            if (Mapping(node, at) is not { } mapping)
            {
                return null;
            }

            var map = Map(mapping, at, ["id", "omschrijving"]);
            var id = Id(map, "id", mapping, at);
            var omschrijving = Text(map, "omschrijving", mapping, at, required: true);
            return id is null || omschrijving is null ? null : new ResultTypeDefinition(id, omschrijving);
        }

        private StateDefinition? State(YamlNode node, string at)
        {
            if (Mapping(node, at) is not { } mapping)
            {
                return null;
            }

            var map = Map(mapping, at, ["id", "label", "statustype", "terminal", "suspendsClocks", "checklist", "onEntry", "transitions", "timers"]);
            var id = Id(map, "id", mapping, at);
            var label = Text(map, "label", mapping, at, required: true);
            StatusTypeDefinition? statusType = null;
            if (map.TryGetValue("statustype", out var statusNode) && Mapping(statusNode, $"{at}.statustype") is { } statusMapping)
            {
                var statusMap = Map(statusMapping, $"{at}.statustype", ["volgnummer", "informeren"]);
                var volgnummer = Int(statusMap, "volgnummer", statusMapping, $"{at}.statustype", required: true, min: 1);
                statusType = volgnummer is null ? null : new StatusTypeDefinition(volgnummer.Value, Bool(statusMap, "informeren", $"{at}.statustype"));
            }

            var onEntry = Names(map, "onEntry", at);
            var transitions = List(map, "transitions", at, Transition);
            var timers = List(map, "timers", at, Timer);
            return id is null || label is null ? null
                : new StateDefinition(id, label, statusType, Bool(map, "terminal", at), Bool(map, "suspendsClocks", at), Text(map, "checklist", mapping, at, required: false),
                    onEntry, transitions, timers, Line(mapping));
        }

        private TransitionDefinition? Transition(YamlNode node, string at)
        {
            if (Mapping(node, at) is not { } mapping)
            {
                return null;
            }

            var map = Map(mapping, at, ["trigger", "target", "guard", "roles", "parameters"]);
            var trigger = Id(map, "trigger", mapping, at);
            var target = Text(map, "target", mapping, at, required: true);
            var roles = map.ContainsKey("roles") ? Names(map, "roles", at) : Missing(mapping, at, "roles", (IReadOnlyList<string>?)null) ?? [];
            if (map.ContainsKey("roles") && roles.Count == 0)
            {
                errors.Add(new DefinitionError(path, Line(map["roles"]), $"{at}.roles moet minstens één rol noemen"));
            }

            return trigger is null || target is null ? null
                : new TransitionDefinition(trigger, target, Text(map, "guard", mapping, at, required: false), roles, Names(map, "parameters", at), Line(map["target"]));
        }

        private TimerDefinition? Timer(YamlNode node, string at)
        {
            if (Mapping(node, at) is not { } mapping)
            {
                return null;
            }

            var map = Map(mapping, at, ["id", "after", "kind", "trigger", "notification", "recipientRole", "escalation"]);
            var id = Id(map, "id", mapping, at);
            var after = Duration(map, "after", mapping, at, required: true);
            var kind = Enum(map, "kind", mapping, at, ["timeout", "reminder"]);
            EscalationDefinition? escalation = null;
            if (map.TryGetValue("escalation", out var escalationNode) && Mapping(escalationNode, $"{at}.escalation") is { } escalationMapping)
            {
                var escalationMap = Map(escalationMapping, $"{at}.escalation", ["after", "notification", "recipientRole"]);
                var escalationAfter = Duration(escalationMap, "after", escalationMapping, $"{at}.escalation", required: true);
                var notification = Text(escalationMap, "notification", escalationMapping, $"{at}.escalation", required: true);
                var role = Text(escalationMap, "recipientRole", escalationMapping, $"{at}.escalation", required: true);
                escalation = escalationAfter is null || notification is null || role is null ? null : new EscalationDefinition(escalationAfter.Value, notification, role);
            }

            return id is null || after is null || kind is null ? null
                : new TimerDefinition(id, after.Value, kind == "timeout" ? TimerKind.Timeout : TimerKind.Reminder,
                    Text(map, "trigger", mapping, at, required: false), Text(map, "notification", mapping, at, required: false),
                    Text(map, "recipientRole", mapping, at, required: false), escalation, Line(mapping));
        }

        private Dictionary<string, YamlNode> Map(YamlMappingNode mapping, string at, string[] keys)
        {
            var map = new Dictionary<string, YamlNode>();
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!keys.Contains(key))
                {
                    errors.Add(new DefinitionError(path, Line(keyNode), $"onbekende sleutel '{key}'{Where(at)}; toegestaan: {string.Join(", ", keys)}"));
                }
                else if (!map.TryAdd(key, value))
                {
                    errors.Add(new DefinitionError(path, Line(keyNode), $"sleutel '{key}' staat twee keer{Where(at)}"));
                }
            }

            return map;
        }

        private List<T> List<T>(Dictionary<string, YamlNode> map, string key, string at, Func<YamlNode, string, T?> item)
            where T : class
        {
            if (!map.TryGetValue(key, out var node))
            {
                return [];
            }

            if (node is not YamlSequenceNode sequence)
            {
                errors.Add(new DefinitionError(path, Line(node), $"{Join(at, key)} moet een lijst zijn"));
                return [];
            }

            return [.. sequence.Children.Select((child, i) => item(child, $"{Join(at, key)}[{i}]")).OfType<T>()];
        }

        private List<string> Names(Dictionary<string, YamlNode> map, string key, string at)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return [];
            }

            if (node is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
            {
                errors.Add(new DefinitionError(path, Line(node), $"{Join(at, key)} moet een lijst van namen zijn"));
                return [];
            }

            return [.. sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value!)];
        }

        private YamlMappingNode? Mapping(YamlNode node, string at)
        {
            if (node is YamlMappingNode mapping)
            {
                return mapping;
            }

            errors.Add(new DefinitionError(path, Line(node), $"{at} moet een mapping (sleutel: waarde) zijn"));
            return null;
        }

        private string? Text(Dictionary<string, YamlNode> map, string key, YamlNode owner, string at, bool required)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return required ? Missing<string>(owner, at, key) : null;
            }

            if (node is YamlScalarNode scalar)
            {
                // A plain null, ~ or empty value means "not given"; quoted text is always text.
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "null" or "~";
                if (!isNull && !string.IsNullOrWhiteSpace(scalar.Value))
                {
                    return scalar.Value.Trim();
                }

                if (isNull && !required)
                {
                    return null;
                }
            }

            errors.Add(new DefinitionError(path, Line(node), $"{Join(at, key)} moet een niet-lege tekst zijn"));
            return null;
        }

        private string? Id(Dictionary<string, YamlNode> map, string key, YamlNode owner, string at)
        {
            var value = Text(map, key, owner, at, required: true);
            if (value is not null && !KebabCase().IsMatch(value))
            {
                errors.Add(new DefinitionError(path, Line(map[key]), $"{Join(at, key)} '{value}' moet kebab-case zijn (kleine letters, cijfers en streepjes)"));
                return null;
            }

            return value;
        }

        private string? Enum(Dictionary<string, YamlNode> map, string key, YamlNode owner, string at, string[] allowed)
        {
            var value = Text(map, key, owner, at, required: true);
            if (value is not null && !allowed.Contains(value))
            {
                errors.Add(new DefinitionError(path, Line(map[key]), $"{Join(at, key)} moet {string.Join(" of ", allowed.Select(a => $"'{a}'"))} zijn, niet '{value}'"));
                return null;
            }

            return value;
        }

        private int? Int(Dictionary<string, YamlNode> map, string key, YamlNode owner, string at, bool required, int min)
        {
            var value = Text(map, key, owner, at, required);
            if (value is null)
            {
                return null;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min)
            {
                errors.Add(new DefinitionError(path, Line(map[key]), $"{Join(at, key)} moet een geheel getal van minstens {min} zijn, niet '{value}'"));
                return null;
            }

            return number;
        }

        private bool Bool(Dictionary<string, YamlNode> map, string key, string at)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return false;
            }

            if (node is YamlScalarNode { Value: "true" or "false" } scalar)
            {
                return scalar.Value == "true";
            }

            errors.Add(new DefinitionError(path, Line(node), $"{Join(at, key)} moet true of false zijn"));
            return false;
        }

        private DateOnly? Date(Dictionary<string, YamlNode> map, string key, YamlNode owner, string at, bool required)
        {
            var value = Text(map, key, owner, at, required);
            if (value is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new DefinitionError(path, Line(map[key]), $"{Join(at, key)} moet een datum jjjj-mm-dd zijn, niet '{value}'"));
                return null;
            }

            return date;
        }

        private IsoDuration? Duration(Dictionary<string, YamlNode> map, string key, YamlNode owner, string at, bool required)
        {
            var value = Text(map, key, owner, at, required);
            if (value is null)
            {
                return null;
            }

            if (!IsoDuration.TryParse(value, out var duration))
            {
                errors.Add(new DefinitionError(path, Line(map[key]), $"'{value}' is geen ISO 8601-duur ({Join(at, key)}); bijvoorbeeld P8W, P10D of PT30S"));
                return null;
            }

            return duration;
        }

        private T? Missing<T>(YamlNode owner, string at, string key, T? none = default)
        {
            errors.Add(new DefinitionError(path, Line(owner), $"verplichte sleutel '{key}' ontbreekt{Where(at)}"));
            return none;
        }

        private CaseTypeDefinition? Missing(YamlNode owner, string at, string key) => Missing<CaseTypeDefinition>(owner, at, key);

        private static string Join(string at, string key) => at.Length == 0 ? key : $"{at}.{key}";

        private static string Where(string at) => at.Length == 0 ? "" : $" in {at}";
    }

    /// <summary>Stage 3: what the definition means must hold together.</summary>
    private sealed class Checker(string path, List<DefinitionError> errors, WorkflowNames names)
    {
        public void Check(WorkflowDefinition definition)
        {
            var ids = new HashSet<string>();
            foreach (var state in definition.States.Where(s => !ids.Add(s.Id)))
            {
                Error(state.Line, $"toestand '{state.Id}' staat er twee keer in");
            }

            if (!ids.Contains(definition.InitialState))
            {
                Error(1, $"initialState '{definition.InitialState}' is geen toestand van deze definitie");
            }

            foreach (var duplicate in definition.ResultTypes.GroupBy(r => r.Id).Where(g => g.Count() > 1))
            {
                Error(1, $"resultaattype '{duplicate.Key}' staat er twee keer in");
            }

            foreach (var duplicate in definition.States.Where(s => s.StatusType is not null).GroupBy(s => s.StatusType!.Volgnummer).Where(g => g.Count() > 1))
            {
                Error(duplicate.Last().Line, $"statustype-volgnummer {duplicate.Key} staat bij meer dan één toestand ({string.Join(", ", duplicate.Select(s => s.Id))})");
            }

            foreach (var state in definition.States)
            {
                CheckState(state, ids);
            }

            var reachable = Reachable(definition);
            foreach (var state in definition.States.Where(s => !reachable.Contains(s.Id)))
            {
                Error(state.Line, $"toestand '{state.Id}' is onbereikbaar vanuit '{definition.InitialState}'");
            }
        }

        private void CheckState(StateDefinition state, HashSet<string> ids)
        {
            if (state.Terminal && (state.Transitions.Count > 0 || state.Timers.Count > 0))
            {
                Error(state.Line, $"eindtoestand '{state.Id}' mag geen transities of timers hebben");
            }

            foreach (var effect in state.OnEntry.Where(e => !names.Effects.Contains(e)))
            {
                Error(state.Line, $"onbekend effect '{effect}' in toestand '{state.Id}'; bekend: {string.Join(", ", names.Effects.Order())}");
            }

            foreach (var transition in state.Transitions)
            {
                if (!ids.Contains(transition.Target))
                {
                    Error(transition.Line, $"onbekende doeltoestand '{transition.Target}' voor trigger '{transition.Trigger}' in toestand '{state.Id}'");
                }

                if (transition.Guard is { } guard && !names.Guards.Contains(guard))
                {
                    Error(transition.Line, $"onbekende guard '{guard}' bij trigger '{transition.Trigger}'; bekend: {string.Join(", ", names.Guards.Order())}");
                }

                foreach (var role in transition.Roles.Where(r => !CaseRoles.All.Contains(r)))
                {
                    Error(transition.Line, $"onbekende rol '{role}' bij trigger '{transition.Trigger}'; bekend: {string.Join(", ", CaseRoles.All.Order())}");
                }
            }

            foreach (var group in state.Transitions.GroupBy(t => t.Trigger).Where(g => g.Count() > 1))
            {
                if (group.Any(t => t.Guard is null) || group.GroupBy(t => t.Guard).Any(g => g.Count() > 1))
                {
                    Error(group.Last().Line, $"trigger '{group.Key}' heeft in toestand '{state.Id}' meerdere transities zonder onderscheidende guard");
                }
            }

            foreach (var duplicate in state.Timers.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            {
                Error(duplicate.Last().Line, $"timer '{duplicate.Key}' staat twee keer in toestand '{state.Id}'");
            }

            foreach (var timer in state.Timers)
            {
                CheckTimer(state, timer);
            }
        }

        private void CheckTimer(StateDefinition state, TimerDefinition timer)
        {
            if (timer.Kind == TimerKind.Timeout)
            {
                var transition = state.Transitions.FirstOrDefault(t => t.Trigger == timer.Trigger);
                if (timer.Trigger is null)
                {
                    Error(timer.Line, $"timeout-timer '{timer.Id}' moet een trigger noemen");
                }
                else if (transition is null)
                {
                    Error(timer.Line, $"timer '{timer.Id}' vuurt onbekende trigger '{timer.Trigger}' (geen transitie in toestand '{state.Id}')");
                }
                else if (!transition.Roles.Contains(CaseRoles.Systeem))
                {
                    Error(timer.Line, $"timer '{timer.Id}' vuurt '{timer.Trigger}', maar die transitie staat rol 'systeem' niet toe");
                }

                return;
            }

            if (timer.Notification is null || timer.RecipientRole is null)
            {
                Error(timer.Line, $"herinnering '{timer.Id}' moet notification en recipientRole noemen");
            }

            CheckRecipient(timer.Line, timer.Id, timer.Notification, timer.RecipientRole);
            if (timer.Escalation is { } escalation)
            {
                CheckRecipient(timer.Line, $"{timer.Id} (escalatie)", escalation.Notification, escalation.RecipientRole);
                var from = new DateTime(2000, 1, 1);
                if (escalation.After.AddTo(from) <= timer.After.AddTo(from))
                {
                    Error(timer.Line, $"de escalatie van '{timer.Id}' ({escalation.After}) moet later komen dan de herinnering ({timer.After})");
                }
            }
        }

        private void CheckRecipient(int line, string timer, string? notification, string? role)
        {
            if (notification is not null && !names.Notifications.Contains(notification))
            {
                Error(line, $"onbekende notificatie '{notification}' bij timer '{timer}'; bekend: {string.Join(", ", names.Notifications.Order())}");
            }

            if (role is not null && (!CaseRoles.All.Contains(role) || role == CaseRoles.Systeem))
            {
                Error(line, $"onbekende ontvanger '{role}' bij timer '{timer}'");
            }
        }

        private static HashSet<string> Reachable(WorkflowDefinition definition)
        {
            var reachable = new HashSet<string> { definition.InitialState };
            var queue = new Queue<string>(reachable);
            while (queue.TryDequeue(out var id))
            {
                foreach (var target in definition.States.Where(s => s.Id == id).SelectMany(s => s.Transitions).Select(t => t.Target))
                {
                    if (reachable.Add(target))
                    {
                        queue.Enqueue(target);
                    }
                }
            }

            return reachable;
        }

        private void Error(int line, string message) => errors.Add(new DefinitionError(path, line, message));
    }
}
