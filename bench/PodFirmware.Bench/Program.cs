using BenchmarkDotNet.Running;

namespace PodFirmware.Bench
{
    /// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's switcher: <c>--filter '*Tick*'</c>, <c>--list flat</c>).</summary>
    public static class Program
    {
        /// <summary>Entry point: <c>./pod bench [BenchmarkDotNet arguments]</c>.</summary>
        public static int Main(string[] args)
        {
            if (args.Length >= 2 && args[0] == "measure")
            {
                string[] rest = args[2..];
                switch (args[1])
                {
                    case "latency": return Measure.LatencyHarness.Run(rest);
                    case "flood": return Measure.FloodHarness.Run(rest);
                    case "scale": return Measure.ScaleHarness.Run(rest);
                    case "soak": return Measure.SoakHarness.Run(rest);
                }

                System.Console.Error.WriteLine("unknown harness '" + args[1] + "'");
                return 2;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
