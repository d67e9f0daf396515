using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Safety
{
    /// <summary>The residual-current monitor (keys <c>safety.rcd.*</c>); it is fitted when the board map gives its pins.</summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class RcdConfig
    {
        /// <summary>
        /// <c>testTimeoutMs</c>: longest wait for the fault output to rise after the test input is driven, and again to clear
        /// after it is released, in milliseconds, 10 to 5000. Default 500 (RDC-DD modules answer their test input within
        /// tens of milliseconds; IEC 62955 allows them far longer only for a real 6 mA DC leak).
        /// </summary>
        public int TestTimeoutMs = 500;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>safety.rcd</c>).</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".testTimeoutMs", TestTimeoutMs, 10, 5000, "ms");
        }
    }
}
