using Xunit;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>
    /// The test classes that count the bytes a loop allocates (<c>GC.GetAllocatedBytesForCurrentThread</c>). They run
    /// alone, with no other test class in parallel: in a full run, with broker tests and their threads busy at the same
    /// time, a window that allocates nothing when run on its own has read a few kilobytes (3,072 and 4,920 bytes seen,
    /// never reproduced alone), which says nothing about the code under test. Alone, as the board's tick runs, each
    /// figure is exact and repeatable.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AllocationMeasurement
    {
        /// <summary>The collection's name, for <c>[Collection(AllocationMeasurement.Name)]</c>.</summary>
        public const string Name = "allocation measurement";
    }
}
