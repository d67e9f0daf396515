namespace PodFirmware.Host
{
    /// <summary>Entry point of the host build: the verbs behind <c>./pod</c>.</summary>
    public static class Program
    {
        /// <summary>Runs one verb; returns the process exit code.</summary>
        public static int Main(string[] args)
        {
            return 0;
        }
    }
}
