using System;
using System.IO;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Bench.Measure
{
    /// <summary><c>./pod bench measure soak [--seconds N] [--pods N] [--seed N]</c>: runs <see cref="SiteSoak"/> (default 60 s, 20 pods).</summary>
    public static class SoakHarness
    {
        /// <summary>Runs the soak and prints the figures; returns its exit code.</summary>
        public static int Run(string[] args)
        {
            string configPath = Path.Combine(LatencyHarness.FindRoot(), "nf-device-config", "pods", "pod-demo.json");
            return SiteSoak.Run(configPath, Stats.Option(args, "--seconds", 60), Stats.Option(args, "--pods", 20), Stats.Option(args, "--seed", 1), Console.Out);
        }
    }
}
