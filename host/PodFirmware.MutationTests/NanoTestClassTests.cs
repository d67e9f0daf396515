using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using PodFirmware.TestLauncher;
using Xunit;

namespace PodFirmware.MutationTests
{
    /// <summary>
    /// Exposes the nanoFramework-style tests to xunit, and so to Stryker.NET: one case per [TestClass] of
    /// the six test projects, run with the host launcher's class runner (<see cref="Launcher.RunClass"/>,
    /// the same Setup / TestMethod / DataRow / Cleanup order as on the board). A case fails when any test
    /// of its class fails, naming each failing test.
    /// </summary>
    public class NanoTestClassTests
    {
        /// <summary>The test assemblies, by name; the wiring test below checks the list against the launcher's build.</summary>
        public static readonly string[] Assemblies =
        {
            "PodFirmware.Tests.Control",
            "PodFirmware.Tests.Drivers",
            "PodFirmware.Tests.Messaging",
            "PodFirmware.Tests.Platform",
            "PodFirmware.Tests.Safety",
            "PodFirmware.Tests.Session",
        };

        /// <summary>Every [TestClass], as "assembly|full type name" (strings, so each row is its own case).</summary>
        public static IEnumerable<object[]> TestClasses()
        {
            foreach (string name in Assemblies)
            {
                foreach (Type type in Launcher.TestClasses(Assembly.Load(name)))
                {
                    yield return new object[] { name + "|" + type.FullName };
                }
            }
        }

        [Theory]
        [MemberData(nameof(TestClasses))]
        public void TestClassPasses(string testClass)
        {
            string[] parts = testClass.Split('|');
            AssertClassPasses(Assembly.Load(parts[0]).GetType(parts[1], throwOnError: true));
        }

        /// <summary>Runs <paramref name="type"/> with the launcher's class runner; fails naming every failing test.</summary>
        private static void AssertClassPasses(Type type)
        {
            var output = new StringWriter();
            var launcher = new Launcher(output, null);
            launcher.RunClass(type);

            var failures = new StringBuilder();
            foreach (string line in output.ToString().Split('\n'))
            {
                if (line.StartsWith("FAIL", StringComparison.Ordinal))
                {
                    failures.Append(line.TrimEnd('\r')).Append('\n');
                }
            }

            Assert.True(launcher.Failed == 0, launcher.Failed + " of " + (launcher.Passed + launcher.Failed) + " tests failed in " + type.FullName + ":\n" + failures);
            Assert.True(launcher.Passed + launcher.Skipped > 0, type.FullName + " ran no test");
        }

        [Fact]
        public void AFailingTestFailsItsClassCaseByName()
        {
            var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClassPasses(typeof(PlantedClass)));
            Assert.Contains("1 of 3 tests failed", failure.Message);
            Assert.Contains("FAIL  " + typeof(PlantedClass).FullName + ".Fails[1]  -- ", failure.Message);
            Assert.Contains("planted failure", failure.Message);
            Assert.DoesNotContain("Passes", failure.Message);
        }

        [Fact]
        public void EveryTestProjectOfTheLauncherIsExposed()
        {
            string[] launcherAssemblies = Launcher.TestAssemblies();
            Assert.Equal(launcherAssemblies, Assemblies);
        }

        [nanoFramework.TestFramework.TestClass]
        public static class PlantedClass
        {
            [nanoFramework.TestFramework.TestMethod]
            public static void Passes()
            {
            }

            [nanoFramework.TestFramework.DataRow(1)]
            [nanoFramework.TestFramework.DataRow(2)]
            public static void Fails(int value)
            {
                nanoFramework.TestFramework.Assert.AreNotEqual(2, value, "planted failure");
            }
        }
    }
}
