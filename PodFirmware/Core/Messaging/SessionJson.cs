using PodFirmware.Core.Faults;
using PodFirmware.Json;
using PodFirmware.Core.Session;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Writes a <see cref="SessionRecord"/> as the payload of <c>pods/{podId}/session</c> (docs/mqtt.md). Every number
    /// comes from integers (energy in kWh to 3 decimals from mWh, money to 4 decimals), except the peak temperature,
    /// written to 0.1 °C by the writer's integer formatting.
    /// </summary>
    /// <remarks>Allocates nothing; not thread-safe (one writer per caller).</remarks>
    public static class SessionJson
    {
        /// <summary>
        /// Writes <paramref name="record"/> as one object into <paramref name="w"/> (after Reset by the caller).
        /// <c>startT</c>/<c>stopT</c> are ISO-8601 UTC, or null when the pod had no valid UTC (record field 0).
        /// </summary>
        public static void Write(JsonWriter w, SessionRecord record, string podId, string siteId, int spaceNumber)
        {
            w.BeginObject();
            w.String("id", record.SessionId);
            w.String("pod", podId);
            w.String("site", siteId);
            w.Int("space", spaceNumber);
            w.String("account", record.Account);
            if (record.Card != null)
            {
                w.String("card", record.Card);
            }
            WriteUtc(w, "startT", record.StartUtcS);
            WriteUtc(w, "stopT", record.StopUtcS);
            long durationMs = record.StopMs - record.StartMs;
            w.Int("durationS", durationMs > 0 ? durationMs / 1000 : 0);

            // Wh, rounded half up: kWh with 3 decimals.
            w.Fixed("energyKwh", (record.EnergyMilliWh + 500) / 1000, 3);
            w.Fixed("tariffPerKwh", record.TariffPerKwhScaled, 4);
            w.Fixed("amount", record.AmountScaled, SessionRecord.AmountDecimals);
            w.String("stopReason", StopReasonNames.Of(record.StopReason));
            w.String("ocppReason", StopReasonNames.OcppOf(record.StopReason));
            if (record.StopFault == FaultCode.None)
            {
                w.Null("stopFault");
            }
            else
            {
                w.String("stopFault", FaultCatalogue.NameOf(record.StopFault));
            }

            if (double.IsNaN(record.PeakTemperatureC))
            {
                w.Null("peakTemperatureC");
            }
            else
            {
                w.Decimal("peakTemperatureC", record.PeakTemperatureC, 1);
            }

            w.BeginArray("faultsSeen");
            int count = FaultCatalogue.Count;
            for (int i = 0; i < count; i++)
            {
                FaultInfo fault = FaultCatalogue.At(i);
                if (record.HasSeen(fault.Code))
                {
                    w.String(fault.Name);
                }
            }

            w.EndArray();
            if (record.StopUtcS > 0)
            {
                w.Int("t", record.StopUtcS);
            }
            else
            {
                w.Null("t");
            }

            w.Int("uptimeMs", record.StopMs);
            w.EndObject();
        }

        private static void WriteUtc(JsonWriter w, string name, long utcS)
        {
            if (utcS <= 0)
            {
                w.Null(name);
            }
            else
            {
                w.UtcIso(name, utcS * 1000);
            }
        }
    }
}
