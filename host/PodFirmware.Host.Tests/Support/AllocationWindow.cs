using System;
using System.Runtime;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>
    /// A window in which the bytes the current thread allocates are counted, for the tests that prove a loop
    /// allocates nothing. The window starts after a full collection and, where the runtime grants it, inside a
    /// no-GC region, so no garbage collection runs while it is open: a collection started by another thread in
    /// the middle of a window has made an allocation-free loop read a few kilobytes (3,072, 4,504 and 4,920 bytes
    /// seen in full runs, never alone).
    /// </summary>
    public static class AllocationWindow
    {
        /// <summary>Bytes the no-GC region reserves: far more than any allocation test makes in its window.</summary>
        private const long NoGcBudgetBytes = 16L * 1024 * 1024;

        /// <summary>Opens a window; returns the thread's allocation count to give to <see cref="End"/>.</summary>
        public static long Begin()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
            {
                GC.TryStartNoGCRegion(NoGcBudgetBytes);
            }

            return GC.GetAllocatedBytesForCurrentThread();
        }

        /// <summary>Closes the window opened at <paramref name="before"/>; returns the bytes this thread allocated in it.</summary>
        public static long End(long before)
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }

            return allocated;
        }
    }
}
