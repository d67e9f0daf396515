using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Json;
using PodFirmware.Core.Session;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Writes the payload of <c>pods/{podId}/cmd/result</c> (docs/mqtt.md): exactly one per command received,
    /// <c>{"id":..,"ok":true|false,"code":..,"reason":..}</c>. Codes are the authenticator's names
    /// (<see cref="CommandAuthenticator.ResultName"/>) for commands refused before the tick, and
    /// <see cref="CommandResultNames"/> for the tick's outcome.
    /// </summary>
    /// <remarks>Allocates nothing; not thread-safe (one writer per caller).</remarks>
    public static class CommandResultJson
    {
        /// <summary>
        /// A command refused before the tick (signature, format, freshness, replay). <paramref name="id"/> is the command
        /// id if the envelope could be read, else null (written as <c>null</c>); <paramref name="reason"/> is a sentence.
        /// </summary>
        public static void WriteRefused(JsonWriter w, string id, CommandAuthResult result, string reason)
        {
            w.BeginObject();
            WriteHead(w, id, result == CommandAuthResult.Ok, CommandAuthenticator.ResultName(result), reason);
            w.EndObject();
        }

        /// <summary>
        /// The tick's outcome for command <paramref name="id"/>. <paramref name="detailS"/> is written as <c>leftS</c>
        /// (seconds left of another account's reservation) for <see cref="CommandResultCode.ReservedForOther"/> only.
        /// </summary>
        public static void Write(JsonWriter w, string id, CommandResultCode code, long detailS)
        {
            w.BeginObject();
            WriteCode(w, id, code, detailS);
            w.EndObject();
        }

        /// <summary>A successful get_status: the result members plus <c>"status":{...}</c>, the same document as on the status topic.</summary>
        public static void WriteWithStatus(JsonWriter w, string id, PodStatus status, PodConfig config)
        {
            w.BeginObject();
            WriteCode(w, id, CommandResultCode.Ok, 0);
            w.BeginObject("status");
            StatusJson.WriteMembers(w, status, config);
            w.EndObject();
            w.EndObject();
        }

        /// <summary>
        /// A successful check_space: the result members plus
        /// <c>"space":{"charging":bool,"connector":OCPP status,"vehicle":..,"space":n,"position":{"latDeg","lonDeg"}|null}</c>.
        /// </summary>
        public static void WriteWithSpace(JsonWriter w, string id, SpaceInfo space)
        {
            w.BeginObject();
            WriteCode(w, id, CommandResultCode.Ok, 0);
            w.BeginObject("space");
            w.Bool("charging", space.Charging);
            w.String("connector", ConnectorStatusNames.Of(space.Connector));
            w.String("vehicle", space.Vehicle);
            w.Int("space", space.SpaceNumber);
            if (space.HasPosition)
            {
                w.BeginObject("position");
                w.Fixed("latDeg", space.LatDegScaled, SpaceInfo.PositionDecimals);
                w.Fixed("lonDeg", space.LonDegScaled, SpaceInfo.PositionDecimals);
                w.EndObject();
            }
            else
            {
                w.Null("position");
            }

            w.EndObject();
            w.EndObject();
        }

        private static void WriteCode(JsonWriter w, string id, CommandResultCode code, long detailS)
        {
            WriteHead(w, id, code == CommandResultCode.Ok, CommandResultNames.Of(code), CommandResultNames.ReasonOf(code));
            if (code == CommandResultCode.ReservedForOther)
            {
                w.Int("leftS", detailS);
            }
        }

        private static void WriteHead(JsonWriter w, string id, bool ok, string code, string reason)
        {
            w.String("id", id);
            w.Bool("ok", ok);
            w.String("code", code);
            w.String("reason", reason);
        }
    }
}
