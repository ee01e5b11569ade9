import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context.js';

export type Bar = { key: string; label: string; count: number; color: string; to?: string };

/**
 * A horizontal bar chart as a plain list: each entry reads "label, count" to a screen reader;
 * the bar itself is decoration scaled to the largest entry.
 */
export function BarList({ bars, label }: { bars: Bar[]; label: string }) {
  const { fmt } = useI18n();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {bars.map((bar) => {
        const body = (
          <>
            <Group justify="space-between" gap="sm" wrap="nowrap" mb={4}>
              <Text size="sm" truncate>
                {bar.label}
              </Text>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {fmt.number(bar.count)}
              </Text>
            </Group>
            <Box h={8} bg="gray.1" style={{ borderRadius: 4, overflow: 'hidden' }} aria-hidden>
              <Box
                h="100%"
                bg={`${bar.color}.6`}
                style={{ width: `${(bar.count / max) * 100}%`, borderRadius: 4, minWidth: bar.count ? 4 : 0 }}
              />
            </Box>
          </>
        );
        return (
          <li key={bar.key}>
            {bar.to ? (
              <UnstyledButton component={Link} to={bar.to} display="block" w="100%" p={6} className="hover-row">
                {body}
              </UnstyledButton>
            ) : (
              <Box p={6}>{body}</Box>
            )}
          </li>
        );
      })}
    </Box>
  );
}
