using Xunit;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>
    /// The test classes that count the bytes a loop allocates (in an <see cref="AllocationWindow"/>). They run alone,
    /// with no other test class in parallel, so the collections the no-GC region of a window holds off are not forced by
    /// another test's allocations while the window is open.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AllocationMeasurement
    {
        /// <summary>The collection's name, for <c>[Collection(AllocationMeasurement.Name)]</c>.</summary>
        public const string Name = "allocation measurement";
    }
}
