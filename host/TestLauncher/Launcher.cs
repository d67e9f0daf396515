using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.Json;
using nanoFramework.TestFramework;

namespace PodFirmware.TestLauncher
{
    /// <summary>
    /// Runs the tests in one assembly the way nanoFramework's UnitTestLauncher runs them on a board:
    /// for every class marked [TestClass], first its [Setup] methods (a skip there skips the class),
    /// then its [TestMethod]s, then its [DataRow] rows (a method with rows does not run bare), then
    /// its [Cleanup] methods; every method is invoked with no instance. Each invocation is one result.
    /// </summary>
    /// <remarks>
    /// The board launcher calls test methods on a null instance, which only works there while the
    /// method never touches <c>this</c>; here an instance method is reported as a failure so the rule
    /// (test methods are static) is enforced before a board run meets it.
    /// </remarks>
    public sealed class Launcher
    {
        private readonly TextWriter _out;
        private readonly string _filter;

        /// <summary>Creates a launcher writing one line per result to <paramref name="output"/>.</summary>
        /// <param name="output">Where result lines go.</param>
        /// <param name="filter">Runs only tests whose full name contains this text; null or empty for all.</param>
        public Launcher(TextWriter output, string filter)
        {
            _out = output;
            _filter = filter;
        }

        /// <summary>Results that passed.</summary>
        public int Passed { get; private set; }

        /// <summary>Results that failed.</summary>
        public int Failed { get; private set; }

        /// <summary>Results that were skipped.</summary>
        public int Skipped { get; private set; }

        /// <summary>Runs every test class in <paramref name="assembly"/>, in metadata order.</summary>
        public void Run(Assembly assembly)
        {
            foreach (Type type in TestClasses(assembly))
            {
                RunClass(type);
            }
        }

        /// <summary>The classes marked [TestClass] in <paramref name="assembly"/>, in metadata order.</summary>
        public static Type[] TestClasses(Assembly assembly)
        {
            var classes = new List<Type>();
            foreach (Type type in assembly.GetTypes())
            {
                if (type.IsClass && type.GetCustomAttribute<TestClassAttribute>() != null)
                {
                    classes.Add(type);
                }
            }

            return classes.ToArray();
        }

        /// <summary>
        /// Runs one test class the way the board launcher does: its [Setup] methods (a skip there skips
        /// the rest of the class), then its [TestMethod]s, then its [DataRow] rows, then its [Cleanup]
        /// methods, each invoked with no instance. Results are added to <see cref="Passed"/>,
        /// <see cref="Failed"/> and <see cref="Skipped"/> and written one line each to the output;
        /// the constructor's filter applies. Not thread-safe: one launcher runs one class at a time.
        /// </summary>
        /// <param name="type">A class marked [TestClass].</param>
        public void RunClass(Type type)
        {
            MethodInfo[] methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            if (!RunAll(methods, typeof(SetupAttribute), isSetup: true))
            {
                return;
            }

            RunAll(methods, typeof(TestMethodAttribute), isSetup: false);
            RunAll(methods, typeof(DataRowAttribute), isSetup: false);
            RunAll(methods, typeof(CleanupAttribute), isSetup: false);
        }

        private bool RunAll(MethodInfo[] methods, Type attributeToRun, bool isSetup)
        {
            foreach (MethodInfo method in methods)
            {
                object[] attributes = Helper.RemoveTestMethodIfDataRowExists(method.GetCustomAttributes(true));
                int row = 0;
                for (int i = 0; i < attributes.Length; i++)
                {
                    if (attributes[i].GetType() != attributeToRun)
                    {
                        continue;
                    }

                    string name = method.DeclaringType.FullName + "." + method.Name + (attributeToRun == typeof(DataRowAttribute) ? "[" + row++ + "]" : "");
                    if (!isSetup && !string.IsNullOrEmpty(_filter) && !name.Contains(_filter, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (!RunOne(method, attributes[i], name, isSetup))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <returns><c>false</c> when a Setup method skipped, which skips the rest of its class.</returns>
        private bool RunOne(MethodInfo method, object attribute, string name, bool isSetup)
        {
            if (!method.IsStatic)
            {
                Report("FAIL", name, "test methods must be static: the board launcher invokes them with no instance");
                Failed++;
                return true;
            }

            object[] parameters = attribute is DataRowAttribute row ? row.MethodParameters : null;
            try
            {
                method.Invoke(null, parameters);
                Report("PASS", name, null);
                Passed++;
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is SkipTestException skip)
            {
                Report("SKIP", name, skip.Message);
                Skipped++;
                return !isSetup;
            }
            catch (TargetInvocationException wrapped)
            {
                Exception cause = wrapped.InnerException ?? wrapped;
                Report("FAIL", name, cause.GetType().Name == "AssertFailedException" ? cause.Message : cause.ToString());
                Failed++;
            }
            catch (ArgumentException bad)
            {
                Report("FAIL", name, "arguments do not fit the method: " + bad.Message);
                Failed++;
            }

            return true;
        }

        private void Report(string outcome, string name, string detail)
        {
            _out.WriteLine(detail == null ? outcome + "  " + name : outcome + "  " + name + "  -- " + detail);
        }

        /// <summary>
        /// The host builds of the test projects (tests/&lt;name&gt;/ is built as &lt;name&gt;.dll beside this
        /// launcher): the PodFirmware.Tests.* projects this launcher's build references, as its deps.json
        /// records them, ordinally sorted. Read from the build, not from the folder, so a test project that was
        /// renamed or removed leaves no stale dll behind to be run.
        /// </summary>
        public static string[] TestAssemblies()
        {
            string deps = Path.Combine(AppContext.BaseDirectory, "nf-test-launcher.deps.json");
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(deps));
            var names = new List<string>();
            foreach (JsonProperty target in document.RootElement.GetProperty("targets").EnumerateObject())
            {
                foreach (JsonProperty library in target.Value.EnumerateObject())
                {
                    string name = library.Name.Split('/')[0];
                    if (name.StartsWith("PodFirmware.Tests.", StringComparison.Ordinal) && !names.Contains(name))
                    {
                        names.Add(name);
                    }
                }
            }

            string[] sorted = names.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            return sorted;
        }

        /// <summary>
        /// Runs every test assembly (each is one NFUnitTest on the board) and prints one total line;
        /// exit code 0 only when nothing failed and something ran.
        /// </summary>
        public static int Main(string[] args)
        {
            string filter = args.Length > 0 ? args[0] : null;
            var launcher = new Launcher(Console.Out, filter);
            foreach (string name in TestAssemblies())
            {
                launcher.Run(Assembly.Load(name));
            }

            Console.WriteLine("nanoFramework: " + launcher.Passed + " passed, " + launcher.Failed + " failed, " + launcher.Skipped + " skipped");
            return launcher.Failed == 0 && launcher.Passed > 0 ? 0 : 1;
        }
    }
}
