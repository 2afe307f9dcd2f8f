import type { Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { CONNECTOR } from '../connector.token';
import { AppState } from '../state/app-state.service';
import { provideTestDisplayFormat } from './display-format';
import type { FakeConnector } from './fake-connector';

/**
 * Renders a screen (or part of one) over the fake, as the shell would: main's status read into
 * AppState first, main's events listened to, numbers and times in the test display format.
 */
export async function renderScreen<T>(
  component: Type<T>,
  connector: FakeConnector,
): Promise<ComponentFixture<T>> {
  TestBed.configureTestingModule({
    providers: [{ provide: CONNECTOR, useValue: connector }, provideTestDisplayFormat()],
  });
  await TestBed.inject(AppState).start();
  const fixture = TestBed.createComponent(component);
  await fixture.whenStable();
  return fixture;
}
