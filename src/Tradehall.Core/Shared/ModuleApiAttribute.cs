namespace Tradehall.Core.Shared;

/// <summary>
/// Marks a type other modules may use: the module's public surface (its <c>&lt;Module&gt;Api.cs</c> and
/// the few services and records it offers). Everything else in a module is its own business; the
/// architecture test refuses any other use from outside, and any cycle between modules.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum, Inherited = false)]
public sealed class ModuleApiAttribute : Attribute;
