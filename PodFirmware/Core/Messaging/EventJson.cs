using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Json;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Writes one <see cref="PodEvent"/> as a JSON object: the same bytes go to the simulator's
    /// event stream and into MQTT payloads, so what a bench tester sees is what the gateway gets.
    /// Field names carry their units (<c>valueC</c>, <c>limitA</c>); temperatures are written to
    /// 0.1 °C, currents to 0.01 A, voltages to 0.1 V, all formatted from integers.
    /// </summary>
    /// <remarks>Allocates nothing; not thread-safe (one writer per caller).</remarks>
    public static class EventJson
    {
        /// <summary>
        /// Writes <paramref name="e"/> as a complete object into <paramref name="w"/> (after Reset by the caller):
        /// <c>{"t":ms,"event":kind,"pod":id,"space":n,...}</c> with the fields its kind has.
        /// </summary>
        public static void Write(JsonWriter w, PodEvent e, string podId)
        {
            w.BeginObject();
            w.Int("t", e.TimeMs);
            w.String("event", EventKindNames.Of(e.Kind));
            w.String("pod", podId);
            w.Int("space", e.SpaceNumber);
            if (e.Kind == EventKind.Relay)
            {
                w.Bool("closed", e.Arg != 0);
            }

            if (e.Code != FaultCode.None)
            {
                FaultInfo fault = FaultCatalogue.Get(e.Code);
                w.String("code", fault.Name);
                if (fault.OcppErrorCode != null && fault.OcppErrorCode.Length > 0)
                {
                    w.String("ocpp", fault.OcppErrorCode);
                }
            }

            WriteMeasurement(w, e.Unit, e.Value, e.Limit);
            w.EndObject();
        }

        private static void WriteMeasurement(JsonWriter w, ValueUnit unit, double value, double limit)
        {
            switch (unit)
            {
                case ValueUnit.Celsius:
                    w.Decimal("valueC", value, 1);
                    w.Decimal("limitC", limit, 1);
                    break;
                case ValueUnit.Ampere:
                    w.Decimal("valueA", value, 2);
                    w.Decimal("limitA", limit, 2);
                    break;
                case ValueUnit.Volt:
                    w.Decimal("valueV", value, 1);
                    w.Decimal("limitV", limit, 1);
                    break;
            }
        }
    }
}
