using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PodFirmware.Portability;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>
    /// The host twin of nanoFramework.TestFramework offers exactly the members the board package
    /// has, so a test that compiles on the host compiles for the board, and none is missing.
    /// </summary>
    public class TestFrameworkSurfaceTests
    {
        private static HashSet<string> Listed() => ApiListing.Load(RepoPaths.ApiListing).Rows
            .Where(r => r.Assembly == "nanoFramework.TestFramework" && r.Kind != "type")
            .Select(r => r.Type + "::" + r.Signature)
            .ToHashSet(StringComparer.Ordinal);

        private static HashSet<string> Offered()
        {
            var offered = new HashSet<string>(StringComparer.Ordinal);
            foreach (Type type in typeof(nanoFramework.TestFramework.Assert).Assembly.GetExportedTypes())
            {
                const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
                foreach (MethodBase method in type.GetMethods(flags).Cast<MethodBase>().Concat(type.GetConstructors(flags)))
                {
                    string parameters = string.Join(",", method.GetParameters().Select(p => TypeName(p.ParameterType)));
                    string returns = method is MethodInfo m ? TypeName(m.ReturnType) : "System.Void";
                    offered.Add(type.FullName + "::" + (method.IsStatic ? "static " : "") + method.Name + "(" + parameters + "):" + returns);
                }
            }

            return offered;
        }

        private static string TypeName(Type t) => t.IsByRef ? TypeName(t.GetElementType()) + "&" : t.FullName;

        [Fact]
        public void Offers_no_member_the_board_package_lacks()
        {
            var extra = Offered().Except(Listed()).OrderBy(s => s).ToList();
            Assert.True(extra.Count == 0, "not on the board:\n" + string.Join("\n", extra));
        }

        [Fact]
        public void Offers_every_member_the_board_package_has()
        {
            var missing = Listed().Except(Offered()).OrderBy(s => s).ToList();
            Assert.True(missing.Count == 0, "missing on the host:\n" + string.Join("\n", missing));
        }
    }
}
