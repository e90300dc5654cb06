using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Scorecard.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    private static readonly string[] FrameworkPrefixes = ["System", "Microsoft.CSharp", "netstandard", "mscorlib"];

    [Theory]
    [MemberData(nameof(ModuleCatalog.Names), MemberType = typeof(ModuleCatalog))]
    public void A_module_references_no_other_module_implementation(string name)
    {
        var module = ModuleCatalog.Named(name);
        var others = ModuleCatalog.All.Where(m => m != module).Select(m => m.Implementation.GetName().Name).ToHashSet();
        var offending = module.Implementation.GetReferencedAssemblies().Select(a => a.Name).Where(others.Contains).ToList();
        Assert.True(offending.Count == 0, $"{name} references {string.Join(", ", offending)}; use their .Contracts.");
    }

    [Theory]
    [MemberData(nameof(ModuleCatalog.Names), MemberType = typeof(ModuleCatalog))]
    public void Contracts_reference_only_the_BCL_and_platform_abstractions(string name)
    {
        var contracts = ModuleCatalog.Named(name).Contracts;
        var allowed = ModuleCatalog.PlatformAbstractions.GetName().Name;
        var offending = contracts.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(a => a != allowed && !FrameworkPrefixes.Any(p => a == p || a.StartsWith(p + ".", StringComparison.Ordinal)))
            .ToList();
        Assert.True(offending.Count == 0, $"{name}.Contracts references {string.Join(", ", offending)}.");
        Assert.DoesNotContain(contracts.GetReferencedAssemblies(), a =>
            a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Platform_abstractions_reference_only_the_BCL()
    {
        var offending = ModuleCatalog.PlatformAbstractions.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(a => !FrameworkPrefixes.Any(p => a == p || a.StartsWith(p + ".", StringComparison.Ordinal))).ToList();
        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(ModuleCatalog.Names), MemberType = typeof(ModuleCatalog))]
    public void A_module_exports_only_its_registration_controllers_and_HTTP_models(string name)
    {
        var module = ModuleCatalog.Named(name);
        var registration = $"Scorecard.{name}.{name}Module";
        // MVC binds only public types: the HTTP contract's models and the pages' form models.
        string[] httpModels = [$"Scorecard.{name}.Web.Api.Models", $"Scorecard.{name}.Web.Pages.Forms"];
        var offending = module.Implementation.GetExportedTypes()
            .Where(t => t.FullName != registration
                        && !typeof(ControllerBase).IsAssignableFrom(t)
                        && !httpModels.Contains(t.Namespace)
                        && !IsCompilerGenerated(t))
            .Select(t => t.FullName).ToList();
        Assert.True(offending.Count == 0, $"{name} exports {string.Join(", ", offending)}; make them internal sealed.");
    }

    [Theory]
    [MemberData(nameof(ModuleCatalog.Names), MemberType = typeof(ModuleCatalog))]
    public void Module_classes_are_sealed(string name)
    {
        var unsealed = ModuleCatalog.Named(name).Implementation.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !IsCompilerGenerated(t) && !t.IsNested
                        && !t.Name.StartsWith("<", StringComparison.Ordinal)
                        && t.Namespace?.StartsWith("AspNetCoreGeneratedDocument", StringComparison.Ordinal) != true)
            .Select(t => t.FullName).ToList();
        Assert.True(unsealed.Count == 0, $"Not sealed: {string.Join(", ", unsealed)}");
    }

    private static bool IsCompilerGenerated(Type t) =>
        t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null
        || t.Namespace == "Microsoft.CodeAnalysis" || t.Namespace == "System.Runtime.CompilerServices";
}
