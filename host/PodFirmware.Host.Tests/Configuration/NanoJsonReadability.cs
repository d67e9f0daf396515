using System;
using System.Collections.Generic;
using System.Reflection;

namespace PodFirmware.Host.Tests.Configuration
{
    /// <summary>
    /// Walks, by reflection, every type reachable from a config root through the members a JSON loader
    /// writes (public instance fields, public properties with a public setter) and names each member whose
    /// type nanoFramework.Json cannot read on the board. Computed get-only properties are not walked: neither
    /// loader writes them.
    /// </summary>
    /// <remarks>
    /// What nanoFramework.Json reads (nanoframework/nanoFramework.Json, JsonConvert.PopulateObject,
    /// Configuration/ConvertersMapping.cs, Resolvers/MemberResolver.cs): a JSON value into a member whose type
    /// has a converter (the numeric primitives, bool, string; also char, DateTime, TimeSpan, Guid, which this
    /// walker refuses because the host's System.Text.Json reads them differently); a JSON object into a class
    /// it creates through a public parameterless constructor; a JSON array into a one-dimensional array of
    /// those. It has no converter for an enum (every form of an enum value throws), and none for Nullable&lt;T&gt;,
    /// so those, and generic, interface, abstract and <c>object</c> members, are refused.
    /// </remarks>
    public static class NanoJsonReadability
    {
        /// <summary>Leaf types a config member may have: each has a nanoFramework.Json converter and reads the same on the host.</summary>
        public static readonly Type[] Leaves =
        {
            typeof(string), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
            typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double),
        };

        /// <summary>Every problem under <paramref name="root"/>, as <c>Type.Member: reason</c>, in walk order.</summary>
        public static List<string> Problems(Type root) => Walk(root).Problems;

        /// <summary>Every config class the walk reached from <paramref name="root"/>, root included.</summary>
        public static List<Type> Reachable(Type root) => Walk(root).Visited;

        private static Result Walk(Type root)
        {
            var result = new Result();
            var queue = new Queue<Type>();
            queue.Enqueue(root);
            result.Visited.Add(root);
            while (queue.Count > 0)
            {
                Type type = queue.Dequeue();
                string classProblem = ClassProblem(type);
                if (classProblem != null)
                {
                    result.Problems.Add(Name(type) + ": " + classProblem);
                }

                foreach (MemberInfo member in WrittenMembers(type))
                {
                    Type memberType = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
                    if (member is FieldInfo { IsInitOnly: true })
                    {
                        result.Problems.Add(Name(type) + "." + member.Name + ": is readonly; a loader cannot set it");
                        continue;
                    }

                    string problem = TypeProblem(memberType, out Type section);
                    if (problem != null)
                    {
                        result.Problems.Add(Name(type) + "." + member.Name + ": " + problem);
                    }
                    else if (section != null && !result.Visited.Contains(section))
                    {
                        result.Visited.Add(section);
                        queue.Enqueue(section);
                    }
                }
            }

            return result;
        }

        private static IEnumerable<MemberInfo> WrittenMembers(Type type)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                yield return field;
            }

            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetSetMethod() != null)
                {
                    yield return property;
                }
            }
        }

        // Null when a JSON object can become an instance of type on the board.
        private static string ClassProblem(Type type)
        {
            if (!type.IsClass || type.IsAbstract || type.IsGenericType)
            {
                return "a config section must be a non-abstract, non-generic class";
            }

            return type.GetConstructor(Type.EmptyTypes) == null ? "has no public parameterless constructor, which nanoFramework.Json needs to create it" : null;
        }

        // Null when the board can read a member of this type; section is set when it is a config class to walk.
        private static string TypeProblem(Type type, out Type section)
        {
            section = null;
            if (Array.IndexOf(Leaves, type) >= 0)
            {
                return null;
            }

            if (type.IsArray)
            {
                Type element = type.GetElementType()!;
                if (type.GetArrayRank() != 1 || element.IsArray)
                {
                    return "only one-dimensional arrays of values or sections can be read";
                }

                string problem = TypeProblem(element, out section);
                return problem == null ? null : "array of " + problem;
            }

            if (type.IsEnum)
            {
                return "enum " + type.Name + ": nanoFramework.Json cannot read an enum field; hold the name as a string and map it in Validate";
            }

            if (Nullable.GetUnderlyingType(type) != null)
            {
                return "nullable " + Nullable.GetUnderlyingType(type)!.Name + ": nanoFramework.Json has no nullable value types";
            }

            if (type.IsGenericType)
            {
                return "generic " + type.Name + ": nanoFramework v1 has no generics";
            }

            if (type.IsInterface || type.IsAbstract || type == typeof(object))
            {
                return type.Name + ": the loader cannot know which class to create";
            }

            if (type.IsClass && (type.Namespace ?? "").StartsWith("PodFirmware", StringComparison.Ordinal))
            {
                section = type;
                return null;
            }

            return type.FullName + ": not a type the config may hold (allowed: string, bool, numbers, one-dimensional arrays, config sections)";
        }

        private static string Name(Type type) => type.Name;

        private sealed class Result
        {
            public List<string> Problems { get; } = new List<string>();

            public List<Type> Visited { get; } = new List<Type>();
        }
    }
}
