using BenchmarkDotNet.Running;

namespace PodFirmware.Bench
{
    /// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's switcher: <c>--filter '*Tick*'</c>, <c>--list flat</c>).</summary>
    public static class Program
    {
        /// <summary>Entry point: <c>./pod bench [BenchmarkDotNet arguments]</c>.</summary>
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
