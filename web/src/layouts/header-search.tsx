import { ActionIcon, Box, Combobox, Group, Kbd, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconArrowRight, IconFileText, IconSearch, IconX } from '@tabler/icons-react';
import { type KeyboardEvent, type RefObject, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_QUERY_MAX } from '../../../common/schemas/documents.js';
import { type SearchHit, useSearch } from '../api/use-search.js';
import { useT } from '../i18n/i18n-context.js';
import { hitPath, resultsPath } from '../pages/search/search-paths.js';
import { SnippetText } from '../pages/search/snippet-text.js';
import classes from './header-search.module.css';

const SHOWN = 8;
const ALL = 'all';

/**
 * The one search box of the app: contracts and documents as you type, grouped, with their
 * matched words; Enter without a choice opens every result. `/` focuses it; below the small
 * breakpoint it is an icon that opens it across the header.
 */
export function HeaderSearch() {
  const t = useT();
  const wide = useMediaQuery('(min-width: 48em)');
  const [expanded, setExpanded] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const focus = () => {
    setExpanded(true);
    // The narrow box mounts with the state change; autoFocus takes it from there.
    input.current?.focus();
  };
  // Shift+7 types "/" on a German keyboard.
  useHotkeys([
    ['/', focus],
    ['shift+/', focus],
  ]);
  if (!wide && !expanded) {
    return (
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t('search.open')}
        aria-keyshortcuts="/"
        onClick={focus}
      >
        <IconSearch size={20} />
      </ActionIcon>
    );
  }
  return (
    <Box className={wide ? undefined : classes.overlay}>
      <SearchBox inputRef={input} narrow={!wide} onDone={() => setExpanded(false)} />
    </Box>
  );
}

type BoxProps = { inputRef: RefObject<HTMLInputElement | null>; narrow: boolean; onDone: () => void };

function SearchBox({ inputRef, narrow, onDone }: BoxProps) {
  const t = useT();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [q] = useDebouncedValue(value.trim(), 250);
  const results = useSearch(q, SHOWN);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const hits = q && value.trim() ? (results.data ?? []) : [];
  const go = (path: string) => {
    combobox.closeDropdown();
    setValue('');
    inputRef.current?.blur();
    onDone();
    void navigate(path);
  };
  const choose = (choice: string) => {
    const hit = hits[Number(choice)];
    go(choice === ALL || !hit ? resultsPath(value) : hitPath(hit));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && value.trim() && combobox.getSelectedOptionIndex() === -1) {
      event.preventDefault();
      go(resultsPath(value));
    }
    if (event.key === 'Escape' && !combobox.dropdownOpened) onDone();
  };
  return (
    <Group gap={4} wrap="nowrap" w={narrow ? '100%' : undefined}>
      <Combobox store={combobox} onOptionSubmit={choose} width={narrow ? 'target' : 440} position="bottom-end">
        <Combobox.Target>
          <TextInput
            ref={inputRef}
            autoFocus={narrow}
            type="search"
            value={value}
            maxLength={SEARCH_QUERY_MAX}
            aria-label={t('search.label')}
            aria-keyshortcuts="/"
            placeholder={t('search.placeholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={value ? null : <Kbd size="xs">/</Kbd>}
            w={narrow ? '100%' : { base: 220, md: 320 }}
            style={narrow ? { flex: 1 } : undefined}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onFocus={() => value.trim() && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={onKeyDown}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!value.trim()}>
          <Combobox.Options mah={narrow ? '70dvh' : 520} style={{ overflowY: 'auto' }} aria-label={t('search.label')}>
            <Results hits={hits} pending={!q || q !== value.trim() || results.isFetching} />
            {value.trim() && (
              <Combobox.Option value={ALL} className={classes.all}>
                <Group gap={6} wrap="nowrap">
                  <IconArrowRight size={14} aria-hidden />
                  <Text size="sm">{t('search.seeAll', { q: value.trim() })}</Text>
                </Group>
              </Combobox.Option>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {narrow && (
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('search.close')} onClick={onDone}>
          <IconX size={18} />
        </ActionIcon>
      )}
    </Group>
  );
}

function Results({ hits, pending }: { hits: SearchHit[]; pending: boolean }) {
  const t = useT();
  if (hits.length === 0) {
    return <Combobox.Empty>{pending ? t('search.searching') : t('search.nothingFound')}</Combobox.Empty>;
  }
  const group = (kind: SearchHit['kind'], label: string) => {
    const items = hits.map((hit, index) => ({ hit, index })).filter(({ hit }) => hit.kind === kind);
    if (items.length === 0) return null;
    return (
      <Combobox.Group label={label}>
        {items.map(({ hit, index }) => (
          <Combobox.Option key={index} value={String(index)}>
            <HitOption hit={hit} />
          </Combobox.Option>
        ))}
      </Combobox.Group>
    );
  };
  return (
    <>
      {group('contract', t('search.contracts'))}
      {group('document', t('search.documents'))}
    </>
  );
}

function HitOption({ hit }: { hit: SearchHit }) {
  const t = useT();
  const snippet = hit.snippets[0];
  const where = [
    hit.kind === 'document' ? (hit.contractTitle ?? t('search.inInbox')) : null,
    snippet?.page ? t('search.page', { page: snippet.page }) : null,
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        {hit.kind === 'document' && <IconFileText size={14} aria-hidden style={{ flex: 'none' }} />}
        <Text size="sm" fw={600} className="break-anywhere" lineClamp={1}>
          {hit.title}
        </Text>
      </Group>
      {where.length > 0 && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {where.join(' · ')}
        </Text>
      )}
      {snippet && <SnippetText snippet={snippet} size="xs" lineClamp={2} />}
    </Stack>
  );
}
