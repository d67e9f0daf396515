namespace PodFirmware.Core.Boot
{
    /// <summary>
    /// Whether the board app is a production build: the default. A bench board's build defines the compilation symbol
    /// <c>BENCH</c> (<c>msbuild -p:DefineConstants=BENCH</c>) to accept commands signed with the public demo key
    /// (docs/mqtt-signing.md, "Demo key"). The board's composition root passes <see cref="Production"/> to the messaging
    /// side; the host's virtual pods (<c>./pod run</c>, <c>./pod sim</c>) are not production builds and say so themselves.
    /// </summary>
    /// <remarks>Constants only: thread-safe, no code.</remarks>
    public static class BuildFlavor
    {
#if BENCH
        /// <summary><c>false</c>: this build accepts the public demo key (a bench board).</summary>
        public const bool Production = false;
#else
        /// <summary><c>true</c>: this build refuses commands checked with the public demo key.</summary>
        public const bool Production = true;
#endif
    }
}
