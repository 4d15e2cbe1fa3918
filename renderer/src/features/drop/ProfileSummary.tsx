import { Cpu, Sparkles, Wand2 } from 'lucide-react';
import type { Profile, SizePolicy } from '../../../../electron/shared';
import { AspectPreview } from '../../ui/AspectPreview';

const POLICY: Record<SizePolicy, [label: string, icon: React.JSX.Element]> = {
  fal: ['fal', <Sparkles key="fal" size={12} />],
  local: ['local', <Cpu key="local" size={12} />],
  auto: ['auto', <Wand2 key="auto" size={12} />],
};

/**
 * The sizes a drop will produce, each with its shape and who makes it. `localOnly`: fal is not in use (no key, or
 * turned off), so sizes set to fal or auto are made locally: their chips say "fal → local".
 */
export function ProfileSummary({ profile, localOnly = false }: { profile: Profile; localOnly?: boolean }) {
  return (
    <ul className="size-chips">
      {profile.sizes.map((size) => (
        <li key={`${size.width}x${size.height}`} className="size-chip">
          <AspectPreview width={size.width} height={size.height} box={22} />
          <span className="mono">
            {size.width}×{size.height}
          </span>
          {localOnly && size.policy !== 'local' ? (
            <span className="policy policy-local" title={`Set to ${size.policy}; made by the local engine while fal is not in use.`}>
              {POLICY.local[1]}
              {size.policy} → local
            </span>
          ) : (
            <span className={`policy policy-${size.policy}`}>
              {POLICY[size.policy][1]}
              {POLICY[size.policy][0]}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
