using System;
using System.Device.Spi;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using nanoFramework.Hardware.Esp32;
using PodFirmware.Core.Config.Board;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="ICardReader"/> over the MFRC522 binding (nanoFramework.Iot.Device.Mfrc522) on SPI bus 1 at the map's
    /// pins: one ISO 14443 A activation per call (REQA, anticollision, select), waiting at most 20 ms. Only reads a UID.
    /// </summary>
    internal sealed class Mfrc522Reader : ICardReader
    {
        private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(20);
        private readonly MfRc522 _reader;

        public Mfrc522Reader(CardPins pins)
        {
            Configuration.SetPinFunction(pins.SckGpio, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(pins.MosiGpio, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(pins.MisoGpio, DeviceFunction.SPI1_MISO);
            var spi = new SpiConnectionSettings(1, pins.CsGpio) { ClockFrequency = 5000000, Mode = MfRc522.DefaultSpiMode };
            _reader = new MfRc522(SpiDevice.Create(spi), pins.ResetGpio, null, true);
        }

        public int ReadUid(byte[] uid)
        {
            Data106kbpsTypeA card;
            byte[] id = _reader.ListenToCardIso14443TypeA(out card, Wait) ? card.NfcId : null;
            int length = id == null || id.Length > uid.Length ? 0 : id.Length;
            Array.Copy(id ?? uid, uid, length);
            return length;
        }
    }
}
