using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Panelwise.Tests.Architecture;

/// <summary>Which types of a module each of its types uses, read from metadata and IL with Mono.Cecil (the library
/// NetArchTest itself reads with): base type, interfaces, attributes, fields, properties, events, signatures,
/// generic arguments and constraints, locals, caught exceptions, and every type, method or field an instruction
/// names. A nested or compiler-generated type (lambda closures, iterators, async state machines) counts as the
/// outermost type it is declared in, so an edge names the source type a maintainer edits.</summary>
internal static class TypeDependencies
{
    /// <summary>Each (user, used) pair of full type names, the user a type of <paramref name="module"/>; types used
    /// from other assemblies are included, so that the caller picks the ones it rules on.</summary>
    public static IReadOnlySet<(string User, string Used)> Of(ModuleDefinition module)
    {
        var edges = new HashSet<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            string user = Outermost(type).FullName;
            var used = new HashSet<string>(StringComparer.Ordinal);
            Collect(type, used);
            foreach (string u in used) if (u != user) edges.Add((user, u));
        }
        return edges;
    }

    public static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static void Collect(TypeDefinition type, HashSet<string> used)
    {
        Add(type.BaseType, used);
        foreach (var i in type.Interfaces) Add(i.InterfaceType, used);
        Attributes(type, used);
        GenericParameters(type, used);
        foreach (var f in type.Fields) { Add(f.FieldType, used); Attributes(f, used); }
        foreach (var p in type.Properties) { Add(p.PropertyType, used); Attributes(p, used); }
        foreach (var e in type.Events) { Add(e.EventType, used); Attributes(e, used); }
        foreach (var m in type.Methods) Method(m, used);
    }

    private static void Method(MethodDefinition method, HashSet<string> used)
    {
        Add(method.ReturnType, used);
        foreach (var p in method.Parameters) { Add(p.ParameterType, used); Attributes(p, used); }
        Attributes(method, used);
        GenericParameters(method, used);
        if (!method.HasBody) return;
        foreach (var v in method.Body.Variables) Add(v.VariableType, used);
        foreach (var h in method.Body.ExceptionHandlers) Add(h.CatchType, used);
        foreach (var instruction in method.Body.Instructions) Operand(instruction, used);
    }

    private static void Operand(Instruction instruction, HashSet<string> used)
    {
        switch (instruction.Operand)
        {
            case TypeReference t: Add(t, used); break;
            case MethodReference m:
                Add(m.DeclaringType, used);
                Add(m.ReturnType, used);
                foreach (var p in m.Parameters) Add(p.ParameterType, used);
                if (m is GenericInstanceMethod g) foreach (var a in g.GenericArguments) Add(a, used);
                break;
            case FieldReference f: Add(f.DeclaringType, used); Add(f.FieldType, used); break;
        }
    }

    private static void Attributes(ICustomAttributeProvider provider, HashSet<string> used)
    {
        foreach (var a in provider.CustomAttributes) Add(a.AttributeType, used);
    }

    private static void GenericParameters(IGenericParameterProvider provider, HashSet<string> used)
    {
        foreach (var g in provider.GenericParameters)
            foreach (var c in g.Constraints) Add(c.ConstraintType, used);
    }

    /// <summary>The named types inside a type expression: <c>List&lt;Frame[]&gt;</c> gives List`1 and Frame; a generic
    /// parameter names nothing. A nested type counts as its outermost type.</summary>
    private static void Add(TypeReference? type, HashSet<string> used)
    {
        switch (type)
        {
            case null or GenericParameter: return;
            case GenericInstanceType g:
                Add(g.ElementType, used);
                foreach (var a in g.GenericArguments) Add(a, used);
                return;
            case IModifierType m: Add(m.ModifierType, used); Add(((TypeSpecification)type).ElementType, used); return;
            case TypeSpecification s: Add(s.ElementType, used); return;
        }
        while (type.DeclaringType is not null) type = type.DeclaringType;
        used.Add(type.FullName);
    }
}
