// The zones the API accepts are the IANA names; Mexico's come first, by the
// name people know them by, and the rest follow as IANA writes them.
const MEXICO: readonly [string, string][] = [
  ['America/Mexico_City', 'Centro (Ciudad de México)'],
  ['America/Cancun', 'Sureste (Quintana Roo)'],
  ['America/Merida', 'Centro (Yucatán y Campeche)'],
  ['America/Monterrey', 'Centro (Nuevo León)'],
  ['America/Matamoros', 'Frontera noreste (Tamaulipas)'],
  ['America/Chihuahua', 'Centro (Chihuahua)'],
  ['America/Ciudad_Juarez', 'Frontera norte (Ciudad Juárez)'],
  ['America/Ojinaga', 'Frontera norte (Ojinaga)'],
  ['America/Mazatlan', 'Pacífico (Sinaloa, Nayarit, Baja California Sur)'],
  ['America/Bahia_Banderas', 'Centro (Bahía de Banderas)'],
  ['America/Hermosillo', 'Pacífico sin horario de verano (Sonora)'],
  ['America/Tijuana', 'Noroeste (Baja California)'],
];

const mexican = new Set(MEXICO.map(([zone]) => zone));

function otherZones(current: string): string[] {
  const known = ['UTC', ...Intl.supportedValuesOf('timeZone')].filter((zone) => !mexican.has(zone));
  // A zone stored under an alias the browser does not list still shows as chosen.
  return known.includes(current) || mexican.has(current) ? known : [current, ...known];
}

export function TimeZoneSelect({ control, value, onChange }: { control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }; value: string; onChange: (zone: string) => void }) {
  return (
    <select {...control} className="input-medium" value={value} onChange={(e) => onChange(e.target.value)}>
      <optgroup label="México">
        {MEXICO.map(([zone, label]) => (
          <option key={zone} value={zone}>
            {label} — {zone}
          </option>
        ))}
      </optgroup>
      <optgroup label="Otras zonas">
        {otherZones(value).map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
